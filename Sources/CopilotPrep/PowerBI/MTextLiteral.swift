/// Power Query M text literals: `"` doubled, control characters as `#(lf)`, `#(cr)`, `#(tab)`
/// (others `#(000B)`), and `#(` written `#(#)(` so it cannot start an escape. Backslashes are
/// ordinary characters in M, so Windows paths stay as they are.
enum MTextLiteral {
    static func encode(_ value: String) -> String {
        var result = "\""
        var scalars = value.unicodeScalars.makeIterator()
        var pending = scalars.next()
        while let scalar = pending {
            pending = scalars.next()
            switch scalar {
            case "\"": result += "\"\""
            case "\n": result += "#(lf)"
            case "\r": result += "#(cr)"
            case "\t": result += "#(tab)"
            case "#" where pending == "(": result += "#(#)"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "#(" + String(repeating: "0", count: 4 - hex.count) + hex + ")"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Decodes a literal starting at the first character of `text` (which must be `"`); returns
    /// the value and the index after the closing quote, or nil when it is not a complete literal.
    static func decode(_ text: Substring) -> (value: String, end: Substring.Index)? {
        guard text.first == "\"" else { return nil }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" {
                let next = text.index(after: index)
                if next < text.endIndex && text[next] == "\"" {
                    value.append("\"")
                    index = text.index(after: next)
                    continue
                }
                return (value, next)
            }
            if character == "#", text[index...].hasPrefix("#("), let close = text[index...].firstIndex(of: ")") {
                let escape = text[text.index(index, offsetBy: 2)..<close]
                let named: [Substring: String] = ["lf": "\n", "cr": "\r", "tab": "\t", "#": "#", "cr,lf": "\r\n"]
                if let replacement = named[escape] {
                    value += replacement
                } else if let code = UInt32(escape, radix: 16), let scalar = Unicode.Scalar(code) {
                    value.unicodeScalars.append(scalar)
                } else {
                    value.append(character)
                    index = text.index(after: index)
                    continue
                }
                index = text.index(after: close)
                continue
            }
            value.append(character)
            index = text.index(after: index)
        }
        return nil
    }
}
