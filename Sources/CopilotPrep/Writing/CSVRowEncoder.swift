/// Encodes CSV fields into bytes: comma-separated, RFC 4180 quoting (a field is quoted only
/// when it holds a comma, quote or line break; quotes are doubled). The one place CSV output
/// quoting is decided, used by every CSV the tool writes.
enum CSVRowEncoder {
    static func appendField<C: Collection>(_ bytes: C, to output: inout [UInt8]) where C.Element == UInt8 {
        if bytes.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) {
            output.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        } else {
            output.append(contentsOf: bytes)
        }
    }
}
