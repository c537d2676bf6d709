/// Builds CSV rows into a byte buffer: fields separated by commas, quoted as `CSVRowEncoder`
/// decides, rows ended by `\n`. Used by workers (into batch buffers) and by `CSVWriter`.
struct CSVRowBuilder {
    var bytes: [UInt8] = []
    private var fieldIndex = 0

    mutating func field<C: Collection>(_ value: C) where C.Element == UInt8 {
        if fieldIndex > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldIndex += 1
        CSVRowEncoder.appendField(value, to: &bytes)
    }

    /// A field already encoded as `CSVRowEncoder` would encode it, copied as is.
    mutating func encodedField<C: Collection>(_ encoded: C) where C.Element == UInt8 {
        if fieldIndex > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldIndex += 1
        bytes.append(contentsOf: encoded)
    }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { field($0) }
    }

    mutating func field(_ number: Int) {
        field(String(number))
    }

    mutating func field(_ flag: Bool) {
        field(flag ? "TRUE" : "FALSE")
    }

    /// An optional flag: `TRUE`, `FALSE` or empty.
    mutating func field(_ flag: Bool?) {
        if let flag { field(flag) } else { field("") }
    }

    mutating func endRow() {
        bytes.append(UInt8(ascii: "\n"))
        fieldIndex = 0
    }
}
