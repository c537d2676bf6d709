/// Finds the next byte of interest eight bytes at a time (SWAR: SIMD within a register), for
/// the scans that touch every byte of the input: row boundaries here, JSON strings in
/// `JSONScanner`. Plain Swift, no intrinsics, so it is the same on every platform Swift runs on.
enum ByteScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Lanes of `word` equal to `byte` have their high bit set. Only the lowest set lane is
    /// exact (a borrow can flag lanes above a match), which is all a "first of" scan needs.
    @inline(__always)
    static func lanes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highs
    }

    /// Lanes of `word` below `limit` (at most 0x80), lowest set lane exact as above.
    @inline(__always)
    static func lanes(of word: UInt64, below limit: UInt8) -> UInt64 {
        (word &- ones &* UInt64(limit)) & ~word & highs
    }

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, _ index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// The index of the first quote, LF or CR at or after `start`, or `end`.
    static func firstQuoteOrLineBreak(_ base: UnsafePointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start
        while index + 8 <= end {
            let word = load(base, index)
            let found = lanes(of: word, equalTo: 0x22) | lanes(of: word, equalTo: 0x0A) | lanes(of: word, equalTo: 0x0D)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < end {
            let byte = base[index]
            if byte == 0x22 || byte == 0x0A || byte == 0x0D { return index }
            index += 1
        }
        return end
    }
}
