/// Validates UTF-8 incrementally across chunk boundaries, so a file declared or detected as
/// UTF-8 that contains stray bytes (a row pasted from a 1252 file) is found, not passed on.
struct UTF8Validator {
    /// Continuation bytes still expected by a sequence that started in an earlier chunk.
    private(set) var pendingBytes = 0
    private var pendingLowerBound: UInt8 = 0x80
    private var pendingUpperBound: UInt8 = 0xBF

    /// Counts invalid sequences in `bytes`, continuing any sequence the previous chunk started.
    mutating func countInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var invalid = 0
        var index = 0
        let count = bytes.count
        while index < count {
            if pendingBytes > 0 {
                let byte = bytes[index]
                if byte >= pendingLowerBound && byte <= pendingUpperBound {
                    pendingBytes -= 1
                    pendingLowerBound = 0x80
                    pendingUpperBound = 0xBF
                    index += 1
                } else {
                    invalid += 1
                    pendingBytes = 0
                    pendingLowerBound = 0x80
                    pendingUpperBound = 0xBF
                }
                continue
            }
            // ASCII fast path, eight bytes at a time.
            while index + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            index += 1
            switch lead {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: pendingBytes = 1
            case 0xE0: pendingBytes = 2; pendingLowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: pendingBytes = 2
            case 0xED: pendingBytes = 2; pendingUpperBound = 0x9F
            case 0xF0: pendingBytes = 3; pendingLowerBound = 0x90
            case 0xF1...0xF3: pendingBytes = 3
            case 0xF4: pendingBytes = 3; pendingUpperBound = 0x8F
            default: invalid += 1
            }
        }
        return invalid
    }
}
