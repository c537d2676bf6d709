/// How users are matched across the three files: the UPN trimmed and lower-cased. The audit
/// log, the licence list and Entra differ in case and stray spaces; the templates join on the
/// raw text and silently lose those users.
import Foundation

enum UserKey {
    static func normalize(_ upn: String) -> String {
        upn.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Byte-level form for the hot path: ASCII trimmed and lower-cased; non-ASCII through String.
    static func normalize<C: Collection>(bytes: C) -> String where C.Element == UInt8 {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            var lowered = [UInt8]()
            lowered.reserveCapacity(bytes.count)
            for byte in bytes { lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
            var start = 0, end = lowered.count
            while start < end && (lowered[start] == 0x20 || lowered[start] == 0x09) { start += 1 }
            while end > start && (lowered[end - 1] == 0x20 || lowered[end - 1] == 0x09) { end -= 1 }
            return String(decoding: lowered[start..<end], as: UTF8.self)
        }
        return normalize(String(decoding: bytes, as: UTF8.self))
    }

    /// Entra guest accounts: `name_fabrikam.com#EXT#@contoso.onmicrosoft.com`.
    static func isGuest(_ key: String) -> Bool {
        key.contains("#ext#")
    }
}
