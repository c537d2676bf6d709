import ArgumentParser
import CopilotPrep

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Clean the three exports into the templates' layout, tidy tables and a report.",
        discussion: """
        Writes Copilot_Activities.csv, Copilot_Licensed_Users.csv, Org_Data.csv, quarantine.csv,
        build-report.json and tables/ into the output folder.

        Example:
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset
        """
    )

    @OptionGroup var inputs: InputOptions

    @Option(help: ArgumentHelp("The folder to write the outputs into (created if needed).", valueName: "folder"))
    var out: String

    @Flag(help: "Replace the outputs of an earlier build in --out.")
    var force = false

    @Flag(help: "Print the report as JSON on stdout instead of a summary.")
    var json = false

    @Flag(help: "Print only errors.")
    var quiet = false

    func run() throws {
        let options = BuildOptions(audit: inputs.audit, licensed: inputs.licensed!, org: inputs.org!, output: out, force: force)
        let outcome = BuildJob.run(options)
        OutcomePrinter.printFindings(outcome.report, quiet: quiet)
        if json {
            try OutcomePrinter.printJSON(outcome.report)
        } else if !quiet && outcome.exitCode == 0 {
            OutcomePrinter.printSummary(outcome)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
