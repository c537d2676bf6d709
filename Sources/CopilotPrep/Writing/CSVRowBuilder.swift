/// Builds CSV rows into a byte buffer: fields separated by commas, quoted as `CSVRowEncoder`
/// decides, rows ended by `\n`. Used by workers (into batch buffers) and by `CSVWriter`.
struct CSVRowBuilder {
    var bytes: [UInt8]
    private var fieldIndex = 0

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

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
        plainField { output in
            if (0..<10).contains(number) {
                output.append(UInt8(truncatingIfNeeded: 0x30 + number))
            } else {
                output.append(contentsOf: String(number).utf8)
            }
        }
    }

    /// A field that never needs quoting (a number, a date), appended by `append` straight into
    /// the row: these are written for every record, so no String on the way.
    mutating func plainField(_ append: (inout [UInt8]) -> Void) {
        if fieldIndex > 0 { bytes.append(UInt8(ascii: ",")) }
        fieldIndex += 1
        append(&bytes)
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
