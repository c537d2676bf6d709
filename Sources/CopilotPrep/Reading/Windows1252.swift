/// The Windows-1252 code page: reading files Excel saved on Western PCs, and writing the org
/// file the Microsoft templates read with code page 1252.
public enum Windows1252 {
    /// Unicode scalars of bytes 0x80...0x9F; the rest of 0xA0...0xFF equals Latin-1. The five
    /// unassigned bytes map to the C1 control of the same value, as Windows itself does.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The scalar a byte stands for.
    static func scalar(for byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
    }

    /// The byte for a scalar, or nil when the code page has none.
    static func byte(for scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 || (0xA0...0xFF).contains(value) { return UInt8(value) }
        return reverse[value]
    }

    private static let reverse: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        for (offset, scalar) in high.enumerated() { map[scalar] = UInt8(0x80 + offset) }
        return map
    }()
}
