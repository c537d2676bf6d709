import Crypto
import Foundation

/// Replaces people by pseudonyms: `u_` + the first 32 hex digits of HMAC-SHA256(key, trimmed
/// lower-cased UPN). Same key, same pseudonyms across runs and files, so joins still work;
/// without the key they cannot be reversed or recomputed (unlike the templates' Base64 "hash").
///
/// Workers share one instance: its caches are guarded by a lock (the key itself is immutable).
public final class Pseudonymizer: @unchecked Sendable {
    private let key: PseudonymKey
    private let lock = NSLock()
    private var cache: [String: String] = [:]
    /// OneDrive folder names (`ann_contoso_com`) of known users, to give them the user's pseudonym.
    private var oneDriveSegments: [String: String] = [:]

    public init(key: PseudonymKey) {
        self.key = key
    }

    /// The pseudonym of an already normalised user key (or any identifier text).
    public func pseudonym(_ userKey: String) -> String {
        if let known = lock.withLock({ cache[userKey] }) { return known }
        let mac = HMAC<SHA256>.authenticationCode(for: Array(userKey.utf8), using: key.symmetricKey)
        let hex = mac.prefix(16).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
        let pseudonym = "u_" + hex
        lock.withLock { cache[userKey] = pseudonym }
        return pseudonym
    }

    /// Registers known users so their OneDrive URLs get their own pseudonym.
    func register(users: some Sequence<String>) {
        for key in users where !key.isEmpty {
            let segment = String(key.map { $0 == "@" || $0 == "." ? "_" : $0 })
            guard lock.withLock({ oneDriveSegments[segment] == nil }) else { continue }
            let value = pseudonym(key)
            lock.withLock { oneDriveSegments[segment] = value }
        }
    }

    /// Text with every e-mail address and personal OneDrive folder replaced by a pseudonym.
    func scrub(_ text: String) -> String {
        guard text.contains("@") || text.range(of: "/personal/", options: .caseInsensitive) != nil else { return text }
        var result = replaceEmails(in: text)
        result = replaceOneDriveFolders(in: result)
        return result
    }

    private static let localCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-'#!$&*=?^`{|}~")
    private static let domainCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")

    private func replaceEmails(in text: String) -> String {
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "@" else { index += 1; continue }
            var start = index
            while start > 0 && Self.localCharacters.contains(characters[start - 1]) { start -= 1 }
            var end = index + 1
            while end < characters.count && Self.domainCharacters.contains(characters[end]) { end += 1 }
            while end > index + 1 && characters[end - 1] == "." { end -= 1 }
            let domain = characters[(index + 1)..<end]
            guard start < index, domain.contains(".") else { index += 1; continue }
            let address = UserKey.normalize(String(characters[start..<end]))
            let replacement = Array(pseudonym(address))
            characters.replaceSubrange(start..<end, with: replacement)
            index = start + replacement.count
        }
        return String(characters)
    }

    private func replaceOneDriveFolders(in text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let marker = rest.range(of: "/personal/", options: .caseInsensitive) {
            result += rest[..<marker.upperBound]
            rest = rest[marker.upperBound...]
            let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "\"" } ?? rest.endIndex
            let segment = rest[..<end].lowercased()
            if !segment.isEmpty && !segment.hasPrefix("u_") {
                result += lock.withLock({ oneDriveSegments[segment] }) ?? pseudonym(segment)
            } else {
                result += segment
            }
            rest = rest[end...]
        }
        return result + rest
    }
}
