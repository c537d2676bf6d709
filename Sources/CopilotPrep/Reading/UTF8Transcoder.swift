/// Turns raw file bytes, chunk by chunk, into UTF-8, so everything after reading works on one
/// encoding. A sequence cut by a chunk boundary is carried to the next chunk. Invalid input is
/// replaced by U+FFFD and counted, never passed on as broken UTF-8.
struct UTF8Transcoder {
    let encoding: TextEncoding
    private var carry: [UInt8] = []
    private var validator = UTF8Validator()
    /// Invalid sequences or unpaired surrogates replaced so far.
    private(set) var replacements = 0

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// Appends the UTF-8 form of `chunk` to `output`; `isLast` flushes any carried bytes.
    mutating func transcode(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) {
        switch encoding {
        case .utf8, .utf8BOM:
            transcodeUTF8(chunk, isLast: isLast, into: &output)
        case .utf16LE:
            transcodeUTF16(chunk, bigEndian: false, isLast: isLast, into: &output)
        case .utf16BE:
            transcodeUTF16(chunk, bigEndian: true, isLast: isLast, into: &output)
        case .windows1252:
            transcodeWindows1252(chunk, into: &output)
        }
    }

    // MARK: UTF-8: validate and pass through (the common case, so it copies in bulk).

    private mutating func transcodeUTF8(_ chunk: UnsafeBufferPointer<UInt8>, isLast: Bool, into output: inout [UInt8]) {
        if carry.isEmpty {
            let complete = isLast ? chunk.count : Self.completePrefixLength(chunk)
            let body = UnsafeBufferPointer(rebasing: chunk[0..<complete])
            if validator.countInvalid(in: body) == 0 && validator.pendingBytes == 0 {
                output.append(contentsOf: body)
            } else {
                validator = UTF8Validator()
                appendRepaired(body, into: &output)
            }
            carry.append(contentsOf: chunk[complete...])
        } else {
            let joined = carry + Array(chunk)
            carry.removeAll()
            joined.withUnsafeBufferPointer { transcodeUTF8($0, isLast: isLast, into: &output) }
        }
    }

    /// Length of the prefix that ends on a complete UTF-8 sequence (at most 3 bytes are held back).
    static func completePrefixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var back = 1
        while back <= min(3, count) {
            let byte = bytes[count - back]
            if byte & 0xC0 != 0x80 {
                // A lead byte: does its sequence fit in what we have?
                let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return needed > back ? count - back : count
            }
            back += 1
        }
        return count
    }

    private mutating func appendRepaired(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var counter = UTF8Validator()
        replacements += max(1, counter.countInvalid(in: bytes))
        output.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf8)
    }

    // MARK: UTF-16 (Excel's "Unicode text")

    private mutating func transcodeUTF16(_ chunk: UnsafeBufferPointer<UInt8>, bigEndian: Bool, isLast: Bool, into output: inout [UInt8]) {
        var units = carry
        units.append(contentsOf: chunk)
        carry.removeAll()
        var end = units.count & ~1
        // Hold back a trailing odd byte and a trailing high surrogate for the next chunk.
        if !isLast && end >= 2 {
            let last = bigEndian ? UInt16(units[end - 2]) << 8 | UInt16(units[end - 1])
                                 : UInt16(units[end - 1]) << 8 | UInt16(units[end - 2])
            if last >= 0xD800 && last <= 0xDBFF { end -= 2 }
        }
        if !isLast { carry.append(contentsOf: units[end...]) } else if units.count & 1 == 1 { replacements += 1 }
        // Written through a pointer into space for the worst case (3 bytes per unit), which
        // grows `output` geometrically; an append per byte was this path's cost.
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: end / 2 * 3))
        var replaced = 0
        let written = units.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { space -> Int in
                let out = space.baseAddress! + start
                var length = 0
                func unit(at index: Int) -> UInt16 {
                    bigEndian ? UInt16(input[index]) << 8 | UInt16(input[index + 1]) : UInt16(input[index + 1]) << 8 | UInt16(input[index])
                }
                var index = 0
                while index < end {
                    let first = unit(at: index)
                    index += 2
                    if first < 0x80 {
                        out[length] = UInt8(truncatingIfNeeded: first)
                        length += 1
                        continue
                    }
                    var scalar = UInt32(first)
                    if first >= 0xD800 && first <= 0xDBFF, index + 1 < end {
                        let low = unit(at: index)
                        if low >= 0xDC00 && low <= 0xDFFF {
                            scalar = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                            index += 2
                        } else {
                            scalar = 0xFFFD
                            replaced += 1
                        }
                    } else if first >= 0xD800 && first <= 0xDFFF {
                        scalar = 0xFFFD
                        replaced += 1
                    }
                    length += Self.storeScalar(scalar, at: out + length)
                }
                return length
            }
        }
        output.removeLast(end / 2 * 3 - written)
        replacements += replaced
    }

    /// Writes the UTF-8 of `scalar` at `out` (a surrogate pair's 4 bytes fit in its two units'
    /// 6 bytes of space); returns how many bytes.
    private static func storeScalar(_ scalar: UInt32, at out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case 0..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case 0x80..<0x800:
            out[0] = UInt8(0xC0 | (scalar >> 6))
            out[1] = UInt8(0x80 | (scalar & 0x3F))
            return 2
        case 0x800..<0x10000:
            out[0] = UInt8(0xE0 | (scalar >> 12))
            out[1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[2] = UInt8(0x80 | (scalar & 0x3F))
            return 3
        default:
            out[0] = UInt8(0xF0 | (scalar >> 18))
            out[1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
            out[2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            out[3] = UInt8(0x80 | (scalar & 0x3F))
            return 4
        }
    }

    // MARK: Windows-1252

    private func transcodeWindows1252(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        for byte in chunk {
            if byte < 0x80 {
                output.append(byte)
            } else {
                Self.appendScalar(Windows1252.scalar(for: byte), to: &output)
            }
        }
    }

    /// Appends the UTF-8 of `scalar` (through `storeScalar`, the one encoder of scalars here).
    static func appendScalar(_ scalar: UInt32, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4) { space in
            let count = storeScalar(scalar, at: space.baseAddress!)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: space[..<count]))
        }
    }
}
