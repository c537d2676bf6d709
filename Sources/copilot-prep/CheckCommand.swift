import ArgumentParser
import CopilotPrep

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read the three exports and report what a build would keep; write nothing.",
        discussion: """
        Example:
          copilot-prep check --audit exports/ --licensed readiness.csv --org users.csv
        """
    )

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Print the report as JSON on stdout instead of a summary.")
    var json = false

    func validate() throws {
        try inputs.requireAll()
    }

    func run() throws {
        var options = BuildOptions(audit: inputs.audit, licensed: inputs.licensed!, org: inputs.org!)
        options.progress = ProgressPrinter.forTerminal()
        let outcome = BuildJob.run(options)
        ProgressPrinter.clear()
        OutcomePrinter.printFindings(outcome.report, quiet: false)
        if json { try OutcomePrinter.printJSON(outcome.report) } else if outcome.exitCode == 0 { OutcomePrinter.printSummary(outcome) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
