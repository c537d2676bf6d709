import CopilotPrep
import Foundation

/// Prints an outcome: findings on stderr (most important first), a short summary on stdout.
enum OutcomePrinter {
    static func printFindings(_ report: BuildReport, quiet: Bool) {
        for finding in report.findings where !quiet || finding.severity == .error {
            FileHandle.standardError.write(Data((finding.formatted + "\n").utf8))
        }
    }

    static func printJSON(_ report: BuildReport) throws {
        FileHandle.standardOutput.write(try report.jsonData())
    }

    static func printSummary(_ outcome: BuildOutcome) {
        let report = outcome.report
        let metrics = report.metrics
        let audit = report.accounting.audit
        var lines: [String] = []
        if let first = metrics.firstDay, let last = metrics.lastDay {
            lines.append("Copilot usage \(first) to \(last)")
        }
        lines.append("  records \(metrics.records)   prompts \(metrics.prompts)   active users \(metrics.activeUsers)   sessions \(metrics.sessions)")
        let licensedUsers = report.accounting.licensed.kept
        lines.append("  licensed users listed \(licensedUsers), active licensed users \(metrics.licensedActiveUsers)")
        let apps = metrics.promptsByApp.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5)
        if !apps.isEmpty { lines.append("  top apps: " + apps.map { "\($0.key) \($0.value)" }.joined(separator: ", ")) }
        lines.append("  audit rows read \(audit.read): kept \(audit.kept), duplicate \(audit.duplicate), quarantined \(audit.quarantined), other operations \(audit.skippedOperation ?? 0)")
        if let folder = outcome.outputFolder {
            lines.append("Outputs in \(folder)")
        }
        print(lines.joined(separator: "\n"))
    }
}
