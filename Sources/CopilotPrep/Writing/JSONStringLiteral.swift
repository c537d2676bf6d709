import Foundation

/// Writes a JSON string literal: quotes, backslashes and control characters escaped, and every
/// `/` as `\/` the way Purview writes AuditData (Power BI's own JSON leaves `/` alone).
enum JSONStringLiteral {
    static func append(_ text: String, to output: inout [UInt8], escapingSlashes: Bool = true) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "/") where escapingSlashes: output.append(contentsOf: [0x5C, 0x2F])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20: output.append(contentsOf: Array(String(format: "\\u%04x", byte).utf8))
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
