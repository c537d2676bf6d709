import ArgumentParser
import CopilotPrep
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Clean the three exports into the templates' layout, tidy tables and a report.",
        discussion: """
        Writes Copilot_Activities.csv, Copilot_Licensed_Users.csv, Org_Data.csv, quarantine.csv,
        build-report.json and tables/ into the output folder.

        Examples:
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset \\
            --pseudonymize --key-file ~/.copilot-prep.key --min-group-size 5
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

    @Flag(help: "Replace every person by a keyed pseudonym in every output (needs --key-file).")
    var pseudonymize = false

    @Option(help: ArgumentHelp("The key for --pseudonymize (default: $COPILOT_PREP_KEY_FILE). Create one with 'copilot-prep key new'.", valueName: "key-file"))
    var keyFile: String?

    @Option(help: ArgumentHelp("Show departments with fewer people than this as '(small group)'.", valueName: "n"))
    var minGroupSize: Int?

    /// The key file from the flag or the environment.
    private var resolvedKeyFile: String? {
        keyFile ?? ProcessInfo.processInfo.environment["COPILOT_PREP_KEY_FILE"]
    }

    func validate() throws {
        if pseudonymize && resolvedKeyFile == nil {
            throw ValidationError("--pseudonymize needs a key: pass --key-file or set COPILOT_PREP_KEY_FILE (create one with 'copilot-prep key new --out <file>').")
        }
        if !pseudonymize && keyFile != nil {
            throw ValidationError("--key-file is only used with --pseudonymize.")
        }
        if let minGroupSize, minGroupSize < 2 {
            throw ValidationError("--min-group-size must be at least 2.")
        }
    }

    func run() throws {
        var options = BuildOptions(audit: inputs.audit, licensed: inputs.licensed!, org: inputs.org!, output: out, force: force)
        options.pseudonymizeKeyFile = pseudonymize ? resolvedKeyFile : nil
        options.minGroupSize = minGroupSize
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
