/// A 128-bit key for distinct counting of text pairs (thread, message id) without keeping the
/// text: two independent 64-bit FNV-1a hashes, so a false match needs ~2^64 distinct pairs.
struct PairKey: Hashable {
    var high: UInt64
    var low: UInt64

    init<A: Collection, B: Collection>(_ first: A, _ second: B) where A.Element == UInt8, B.Element == UInt8 {
        var high: UInt64 = 0xcbf2_9ce4_8422_2325
        var low: UInt64 = 0x6c62_272e_07bb_0142
        for byte in first {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        // A separator that cannot occur in UTF-8 keeps ("ab","c") apart from ("a","bc").
        high = (high ^ 0xFF) &* 0x0000_0100_0000_01B3
        low = (low ^ 0xFF) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        for byte in second {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ 0x9E37_79B9
        }
        self.high = high
        self.low = low
    }
}
