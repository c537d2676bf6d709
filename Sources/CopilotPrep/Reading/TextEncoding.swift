/// The text encodings real exports arrive in, detected from the first bytes of a file.
public enum TextEncoding: String, Sendable, Codable {
    case utf8 = "UTF-8"
    case utf8BOM = "UTF-8 with BOM"
    case utf16LE = "UTF-16LE"
    case utf16BE = "UTF-16BE"
    case windows1252 = "Windows-1252"

    /// Bytes of the byte-order mark that starts a file in this encoding.
    public var bomLength: Int {
        switch self {
        case .utf8BOM: 3
        case .utf16LE, .utf16BE: 2
        case .utf8, .windows1252: 0
        }
    }

    /// Why a file's bytes could not be read as text.
    public enum DetectionFailure: Error, Equatable {
        case empty
        case binary
        case utf32
    }

    /// Detects the encoding from the start of a file: a BOM decides; otherwise UTF-16 without a
    /// BOM shows as zero bytes in every other position, NUL bytes elsewhere mean a binary file,
    /// valid UTF-8 is UTF-8, and anything else is Windows-1252 (what Excel writes on Western PCs).
    public static func detect(_ prefix: [UInt8], isWholeFile: Bool) -> Result<TextEncoding, DetectionFailure> {
        if prefix.isEmpty { return .failure(.empty) }
        if prefix.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return .failure(.utf32)
        }
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { return .success(.utf8BOM) }
        if prefix.starts(with: [0xFF, 0xFE]) { return .success(.utf16LE) }
        if prefix.starts(with: [0xFE, 0xFF]) { return .success(.utf16BE) }

        let sample = prefix.prefix(4096)
        var zeroEven = 0, zeroOdd = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let half = sample.count / 2
        if half > 0 {
            if zeroOdd * 10 >= half * 8 && zeroEven == 0 { return .success(.utf16LE) }
            if zeroEven * 10 >= half * 8 && zeroOdd == 0 { return .success(.utf16BE) }
        }
        if zeroEven + zeroOdd > 0 { return .failure(.binary) }
        if controlByteShare(sample) > 0.1 { return .failure(.binary) }
        return isValidUTF8(prefix, allowTruncatedEnd: !isWholeFile) ? .success(.utf8) : .success(.windows1252)
    }

    /// Share of bytes that are C0 control characters other than tab, line feed and carriage return.
    private static func controlByteShare(_ bytes: ArraySlice<UInt8>) -> Double {
        guard !bytes.isEmpty else { return 0 }
        let controls = bytes.reduce(0) { $0 + (($1 < 0x20 && $1 != 0x09 && $1 != 0x0A && $1 != 0x0D) ? 1 : 0) }
        return Double(controls) / Double(bytes.count)
    }

    /// Whether `bytes` are valid UTF-8; a sequence cut by the end of a prefix is allowed.
    static func isValidUTF8(_ bytes: [UInt8], allowTruncatedEnd: Bool) -> Bool {
        var validator = UTF8Validator()
        let invalid = bytes.withUnsafeBufferPointer { validator.countInvalid(in: $0) }
        if invalid > 0 { return false }
        return allowTruncatedEnd || validator.pendingBytes == 0
    }
}
