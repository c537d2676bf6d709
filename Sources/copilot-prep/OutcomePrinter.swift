import CopilotPrep
import Foundation

/// Prints an outcome: findings on stderr (most important first), a summary on stdout that a
/// person reads in ten seconds. Bold and colour only on a terminal without NO_COLOR.
enum OutcomePrinter {
    static func printFindings(_ report: BuildReport, quiet: Bool) {
        for finding in report.findings where !quiet || finding.severity == .error {
            FileHandle.standardError.write(Data((finding.formatted + "\n").utf8))
        }
    }

    static func printJSON(_ report: BuildReport) throws {
        FileHandle.standardOutput.write(try report.jsonData())
    }

    private static let styled = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    private static func bold(_ text: String) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private static func dim(_ text: String) -> String { styled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    private static func yellow(_ text: String) -> String { styled ? "\u{1B}[33m\(text)\u{1B}[0m" : text }

    private static func number(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.locale = Locale(identifier: "en_US")
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    private static func top(_ counts: [String: Int], _ limit: Int) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
            .map { "\($0.key) \(number($0.value))" }.joined(separator: " · ")
    }

    static func printSummary(_ outcome: BuildOutcome) {
        let report = outcome.report
        let m = report.metrics
        let audit = report.accounting.audit
        var lines: [String] = []
        let range = m.firstDay.flatMap { first in m.lastDay.map { "\(first) to \($0)" } } ?? "no records"
        lines.append(bold("Copilot usage, \(range)"))
        let cell = { (label: String, value: String) in label.padding(toLength: 16, withPad: " ", startingAt: 0) + value.padding(toLength: 12, withPad: " ", startingAt: 0) }
        lines.append("  " + cell("Records", number(m.records)) + cell("Prompts", number(m.prompts)))
        lines.append("  " + cell("Active users", number(m.activeUsers)) + cell("Sessions", number(m.sessions)))
        let share = m.licensedUsers > 0 ? " (\(m.licensedActiveUsers * 100 / m.licensedUsers)%)" : ""
        lines.append("  " + cell("Licensed users", number(m.licensedUsers)) + "active \(number(m.licensedActiveUsers))\(share)")
        if !m.promptsByApp.isEmpty { lines.append("  Top apps         " + top(m.promptsByApp, 5) + dim("  (prompts)")) }
        if !m.activeUsersByDepartment.isEmpty { lines.append("  Top departments  " + top(m.activeUsersByDepartment, 4) + dim("  (active users)")) }
        lines.append("")
        var rows = "  Audit rows \(number(audit.read)): kept \(number(audit.kept))"
        if audit.duplicate > 0 { rows += ", \(number(audit.duplicate)) duplicates of overlapping exports" }
        if let skipped = audit.skippedOperation, skipped > 0 { rows += ", \(number(skipped)) other operations" }
        lines.append(rows)
        if !report.quarantinedByReason.isEmpty {
            lines.append("  " + yellow("Quarantined \(number(report.quarantinedByReason.values.reduce(0, +)))") + ": " + top(report.quarantinedByReason, 5) + dim("  (see quarantine.csv)"))
        }
        let warnings = report.findings.filter { $0.severity == .warning }.count
        if warnings > 0 { lines.append("  " + yellow("\(warnings) warning\(warnings == 1 ? "" : "s")") + " above") }
        if let folder = outcome.outputFolder {
            lines.append("")
            lines.append(bold("Outputs in \(folder)"))
            lines.append("  Copilot_Activities.csv, Copilot_Licensed_Users.csv, Org_Data.csv   for Microsoft's Copilot templates")
            if let tables = report.tables {
                lines.append("  tables/ (\(tables.count) tidy tables, one row per thing: \(number(report.tidyRows ?? 0)) rows; the templates' wide table: \(number(report.rowsInTemplateLayout ?? 0)))")
            }
            lines.append("  build-report.json, quarantine.csv")
            let templates = (report.outputs ?? []).map(\.path).filter { $0.lowercased().hasSuffix(".pbit") }
            if templates.isEmpty {
                lines.append("Next: point the Microsoft Copilot template's three file parameters at these files in Power BI Desktop,")
                lines.append("      or pass --template <its .pbit> to get a copy with them filled in.")
            } else {
                lines.append("  " + templates.joined(separator: ", ") + "   filled with these files' paths")
                for left in report.findings where left.code == "templateParameterLeft" {
                    let name = left.file.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "a template"
                    lines.append("  " + yellow("\(name): \(left.message)"))
                }
                lines.append("Next: open \(templates[0]) in Power BI Desktop.")
            }
        }
        print(lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n"))
    }
}
