/// A record id in 16 bytes, for de-duplication: a GUID (what Purview uses) is stored exactly;
/// any other id by two independent 64-bit FNV-1a hashes (a collision needs ~2^64 ids).
struct RecordIdentity: Hashable {
    var high: UInt64
    var low: UInt64

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init<C: Collection>(_ id: C) where C.Element == UInt8 {
        if let guid = Self.parseGUID(id) {
            (high, low) = guid
        } else {
            high = Self.fnv1a(id, seed: 0xcbf2_9ce4_8422_2325)
            low = Self.fnv1a(id, seed: 0x84222325_cbf29ce4) ^ 0x5bd1_e995
        }
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, any case, as 128 bits.
    private static func parseGUID<C: Collection>(_ id: C) -> (UInt64, UInt64)? where C.Element == UInt8 {
        guard id.count == 36 else { return nil }
        var value: (UInt64, UInt64) = (0, 0)
        var nibbles = 0
        for (offset, byte) in id.enumerated() {
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            let nibble: UInt64
            switch byte {
            case 0x30...0x39: nibble = UInt64(byte - 0x30)
            case 0x41...0x46: nibble = UInt64(byte - 0x41 + 10)
            case 0x61...0x66: nibble = UInt64(byte - 0x61 + 10)
            default: return nil
            }
            if nibbles < 16 { value.0 = value.0 << 4 | nibble } else { value.1 = value.1 << 4 | nibble }
            nibbles += 1
        }
        return value
    }

    static func fnv1a<C: Collection>(_ bytes: C, seed: UInt64) -> UInt64 where C.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
