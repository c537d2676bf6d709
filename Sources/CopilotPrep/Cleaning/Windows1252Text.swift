/// Makes a value safe for the org file: Windows-1252 bytes that a reader with no quote
/// handling splits correctly.
import Foundation

enum Windows1252Text {
    struct Encoded {
        var bytes: [UInt8]
        var hadUnmappable: Bool
        var hadSeparators: Bool
    }

    /// Encodes `value` in 1252, replacing what would split a row or a column by look-alikes that
    /// cannot: a comma by `‚` (U+201A, byte 0x82), a straight quote by `”`, a line break or tab
    /// by a space. Characters 1252 lacks are transliterated when a plain Latin form exists
    /// (ő → o, Ł → L), otherwise replaced by `?` (and reported: 営業部 cannot be written).
    static func encode(_ value: String) -> Encoded {
        var bytes: [UInt8] = []
        var hadUnmappable = false, hadSeparators = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case ",":
                hadSeparators = true
                bytes.append(0x82)  // ‚ single low-9 quotation mark: looks like a comma, is not one
            case "\"":
                hadSeparators = true
                bytes.append(0x94)  // ” right double quotation mark
            case "\n", "\r", "\t":
                hadSeparators = true
                bytes.append(0x20)
            default:
                if let byte = Windows1252.byte(for: scalar) {
                    bytes.append(byte)
                } else if let plain = transliterate(scalar) {
                    bytes.append(contentsOf: plain)
                } else {
                    hadUnmappable = true
                    bytes.append(UInt8(ascii: "?"))
                }
            }
        }
        return Encoded(bytes: bytes, hadUnmappable: hadUnmappable, hadSeparators: hadSeparators)
    }

    /// The base letters of a character with diacritics 1252 lacks (decomposed, marks dropped).
    private static func transliterate(_ scalar: Unicode.Scalar) -> [UInt8]? {
        if let special = specials[scalar] { return Array(special.utf8) }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        var bytes: [UInt8] = []
        for part in decomposed {
            if part.properties.generalCategory == .nonspacingMark { continue }
            guard let byte = Windows1252.byte(for: part), byte >= 0x20 else { return nil }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : bytes
    }

    /// Letters with no canonical decomposition but an accepted plain form.
    private static let specials: [Unicode.Scalar: String] = ["Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i", "Ħ": "H", "ħ": "h"]
}
