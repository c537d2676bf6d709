import ArgumentParser
import CopilotPrep

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a synthetic tenant's three raw exports, messy the way real ones are.",
        discussion: """
        Writes audit/ (two overlapping current-layout exports, a classic one, and one re-saved by
        Excel as Unicode text with AuditData cut at 32,767 characters), a readiness report, an
        Entra download, and sample-truth.json with the numbers a correct build reports.
        The same seed always gives the same bytes.

        Examples:
          copilot-prep sample --out demo
          copilot-prep build --audit demo/audit --licensed demo/copilot-readiness-report.csv --org demo/entra-users.csv --out demo-output
          copilot-prep sample --out bench --size-mb 600      # a large export set for benchmarks
        """
    )

    @Option(help: ArgumentHelp("The folder to write the sample into (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "How many people the tenant has.")
    var users = 150

    @Option(help: "How many days of activity, from 2025-09-01.")
    var days = 28

    @Option(help: "The random seed; the same seed gives the same files.")
    var seed: UInt64 = 42

    @Option(name: .customLong("size-mb"), help: ArgumentHelp("Instead of --days, write about this many MB of audit exports.", valueName: "n"))
    var sizeMB: Int?

    func validate() throws {
        if users < 1 { throw ValidationError("--users must be at least 1.") }
        if days < 1 { throw ValidationError("--days must be at least 1.") }
        if let sizeMB, sizeMB < 1 { throw ValidationError("--size-mb must be at least 1.") }
    }

    func run() throws {
        let files = try SampleTenant.generate(SampleOptions(users: users, days: days, seed: seed, sizeMB: sizeMB), into: out)
        let truth = files.truth
        print("""
        Wrote a sample tenant to \(out): \(truth.auditRead) audit rows in \(files.auditFiles.count) exports, \
        \(truth.licensedRows) licence rows, \(truth.orgRows) org rows.
        A correct build keeps \(truth.records) records: \(truth.prompts) prompts by \(truth.activeUsers) active users in \(truth.sessions) sessions (see sample-truth.json).
        Next: copilot-prep build --audit \(files.auditFolder) --licensed \(files.licensed) --org \(files.org) --out <folder>
        """)
    }
}
