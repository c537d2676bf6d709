import Crypto
import Foundation

/// The secret that makes pseudonyms unguessable: 32 random bytes kept as hex in a file only the
/// owner can read. Whoever holds it can re-identify people, so it is never written to an output.
public struct PseudonymKey {
    let symmetricKey: SymmetricKey
    static let minimumBytes = 16

    init(bytes: [UInt8]) {
        symmetricKey = SymmetricKey(data: bytes)
    }

    /// Writes a new random key to `path` (mode 0600); refuses to replace an existing file.
    public static func create(at path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CopilotPrepError(file: path, "already exists; a key is never overwritten (its pseudonyms would be lost). Choose another path")
        }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() } + "\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CopilotPrepError(file: path, "cannot be created (\(String(cString: strerror(errno)))); check the folder exists and is writable")
        }
        defer { close(descriptor) }
        let written = hex.utf8.withContiguousStorageIfAvailable { write(descriptor, $0.baseAddress!, $0.count) } ?? -1
        guard written == hex.utf8.count else {
            throw CopilotPrepError(file: path, "cannot be written (\(String(cString: strerror(errno)))); check there is free space, then delete the file and run `copilot-prep key new` again")
        }
    }

    /// Reads a key file: hex digits (whitespace ignored), at least 16 bytes.
    public static func load(from path: String) throws -> PseudonymKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CopilotPrepError(file: path, "the key file cannot be read; create one with 'copilot-prep key new --out \(path)'")
        }
        let text = String(decoding: data, as: UTF8.self).filter { !$0.isWhitespace }
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2, limitedBy: text.endIndex) ?? text.endIndex
            guard next != text.endIndex || text.distance(from: index, to: next) == 2,
                  let byte = UInt8(text[index..<next], radix: 16) else {
                throw CopilotPrepError(file: path, "the key file is not hexadecimal; create one with 'copilot-prep key new'")
            }
            bytes.append(byte)
            index = next
        }
        guard bytes.count >= minimumBytes else {
            throw CopilotPrepError(file: path, "the key is \(bytes.count) bytes; at least \(minimumBytes) are needed (copilot-prep key new writes 32)")
        }
        return PseudonymKey(bytes: bytes)
    }
}
