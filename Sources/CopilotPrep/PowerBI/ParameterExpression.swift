import Foundation

/// The M of a parameter: `<value> meta [IsParameterQuery=true, Type="Text", ...]`. Only the
/// value part is ever rewritten; the `meta` record is kept character for character.
struct ParameterExpression: Equatable {
    /// The value part as written (`null`, `"C:\Data\a.csv"`, `42`, `true`, ...).
    var valueText: String
    /// From `meta` to the end, untouched.
    var metaText: String
    /// The separator between them as written (usually one space).
    var separator: String

    /// Parses an expression; nil when it is not a parameter (no `meta [...IsParameterQuery=true...]`).
    init?(_ expression: String) {
        let trimmed = expression[...]
        let valueEnd: Substring.Index
        if trimmed.first == "\"" {
            guard let literal = MTextLiteral.decode(trimmed) else { return nil }
            valueEnd = literal.end
        } else {
            guard let meta = trimmed.range(of: " meta ") ?? trimmed.range(of: "\nmeta ") ?? trimmed.range(of: "\tmeta ") else { return nil }
            valueEnd = meta.lowerBound
        }
        let rest = trimmed[valueEnd...]
        guard let metaStart = rest.range(of: "meta")?.lowerBound,
              rest[..<metaStart].allSatisfy(\.isWhitespace) else { return nil }
        let metaText = String(rest[metaStart...])
        guard metaText.replacingOccurrences(of: " ", with: "").lowercased().contains("isparameterquery=true") else { return nil }
        valueText = String(trimmed[..<valueEnd])
        separator = String(rest[..<metaStart])
        self.metaText = metaText
    }

    var text: String { valueText + separator + metaText }

    /// The M type named in the meta record (`Type="Text"`), or `Any`.
    var type: String {
        guard let range = metaText.range(of: #"Type\s*=\s*"([^"]*)""#, options: .regularExpression) else { return "Any" }
        let match = metaText[range]
        let parts = match.split(separator: "\"")
        return parts.count >= 2 ? String(parts[1]) : "Any"
    }

    var isRequired: Bool {
        metaText.replacingOccurrences(of: " ", with: "").lowercased().contains("isparameterqueryrequired=true")
    }

    /// The current value: nil for `null`, the decoded text for a text literal, else as written.
    var value: String? {
        if valueText == "null" { return nil }
        if let literal = MTextLiteral.decode(valueText[...]) { return literal.value }
        return valueText
    }

    /// A copy whose value is `newValue`, written as the parameter's type requires.
    func setting(_ newValue: String, parameter: String) throws -> ParameterExpression {
        var copy = self
        switch type.lowercased() {
        case "number":
            guard Double(newValue.trimmingCharacters(in: .whitespaces)) != nil else {
                throw CopilotPrepError("parameter '\(parameter)' is a Number; '\(newValue)' is not a number")
            }
            copy.valueText = newValue.trimmingCharacters(in: .whitespaces)
        case "logical":
            switch newValue.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true": copy.valueText = "true"
            case "false": copy.valueText = "false"
            default: throw CopilotPrepError("parameter '\(parameter)' is Logical; give true or false, not '\(newValue)'")
            }
        case "text", "any":
            copy.valueText = MTextLiteral.encode(newValue)
        default:
            throw CopilotPrepError("parameter '\(parameter)' has type \(type), which this tool does not write; set it in Power BI Desktop")
        }
        return copy
    }
}
