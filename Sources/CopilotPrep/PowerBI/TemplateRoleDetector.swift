import Foundation

/// Reads which tables open which parameter through `File.Contents`, and what each table is for.
enum TemplateRoleDetector {
    /// `File.Contents(#"Name"` or `File.Contents(Name` (also inside an expression such as
    /// `File.Contents(DataFolder & "\tables\x.csv")`).
    private static let fileContents = try! NSRegularExpression(
        pattern: #"(?:File|Web)\.Contents\(\s*(?:#"((?:[^"]|"")*)"|([A-Za-z_][A-Za-z0-9_.]*))"#)

    static func parametersRead(by m: String) -> [String] {
        let range = NSRange(m.startIndex..., in: m)
        return fileContents.matches(in: m, range: range).compactMap { match in
            if let quoted = Range(match.range(at: 1), in: m) { return m[quoted].replacingOccurrences(of: "\"\"", with: "\"") }
            if let plain = Range(match.range(at: 2), in: m) { return String(m[plain]) }
            return nil
        }
    }

    /// The role a table plays, from its name and what its M reads.
    static func role(table: String, m: String) -> TemplateFileRole {
        let name = table.lowercased(), text = m.lowercased()
        if text.contains("auditdata") || text.contains("copiloteventdata") || name.contains("interaction")
            || name.contains("audit") || name.contains("activit") { return .audit }
        if ["licens", "licenc"].contains(where: { text.contains($0) || name.contains($0) }) { return .licensed }
        if text.contains("department") || text.contains("organization") || name.contains("org") { return .org }
        return .other
    }
}
