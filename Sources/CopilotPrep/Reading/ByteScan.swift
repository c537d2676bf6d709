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

    /// Lanes of `word` equal to `byte`, every one exact (no borrow between lanes), for counting.
    @inline(__always)
    static func exactLanes(of word: UInt64, equalTo byte: UInt8) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((difference & lows) &+ lows) | difference) & highs
    }

    /// Where the CSV row starting at `start` ends: the first LF or CR outside quotes, and the line
    /// breaks inside quotes before it (CRLF counts once). Words without a line break only flip
    /// the quote state by their count of quotes, so the scan does not stop at every quote (JSON
    /// in a CSV cell has one every few bytes). `rowEnd` is nil when `end` comes first.
    static func rowEnd(_ base: UnsafePointer<UInt8>, from start: Int, end: Int)
        -> (rowEnd: Int?, next: Int, newlines: Int) {
        let quote: UInt8 = 0x22, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var index = start
        var quoted = false
        var newlines = 0
        while true {
            // Whole words with no line break.
            while index + 8 <= end {
                let word = load(base, index)
                if exactLanes(of: word, equalTo: lf) | exactLanes(of: word, equalTo: cr) != 0 { break }
                if exactLanes(of: word, equalTo: quote).nonzeroBitCount & 1 == 1 { quoted.toggle() }
                index += 8
            }
            // Byte by byte through the word with the line break (or the last bytes).
            let stop = min(end, index + 8)
            while index < stop {
                let byte = base[index]
                if byte == quote {
                    quoted.toggle()
                } else if byte == lf || byte == cr {
                    if byte == cr && index + 1 >= end { return (nil, index, newlines) }  // maybe half of a CRLF
                    let next = byte == cr && base[index + 1] == lf ? index + 2 : index + 1
                    if !quoted { return (index, next, newlines) }
                    newlines += 1
                    index = next
                    continue
                }
                index += 1
            }
            if index >= end { return (nil, end, newlines) }
        }
    }
}
