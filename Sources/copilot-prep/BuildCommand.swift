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
          copilot-prep build --sample --out sample-output
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset
          copilot-prep build ... --out dataset --template "Template Chat Intelligence Report v2-18.pbit" --set "mySecretSalt=..."
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset \\
            --pseudonymize --key-file ~/.copilot-prep.key --min-group-size 5
        """
    )

    @OptionGroup var inputs: InputOptions

    @Flag(help: "Run on a built-in sample tenant (generated in a temporary folder) instead of your exports.")
    var sample = false

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

    @Option(help: ArgumentHelp("A Power BI template to write a filled copy of into --out (its file parameters set to the outputs). Repeatable.", valueName: "file.pbit"))
    var template: [String] = []

    @Option(help: ArgumentHelp("Write the template's file paths as they will be on the Windows PC that opens it, e.g. 'C:\\Users\\me\\Copilot' (copy --out there).", valueName: "prefix"))
    var templatePathPrefix: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Another template parameter, NAME=VALUE (e.g. the salt). Repeatable.", valueName: "NAME=VALUE"))
    var templateValues: [String] = []

    /// The key file from the flag or the environment.
    private var resolvedKeyFile: String? {
        keyFile ?? ProcessInfo.processInfo.environment["COPILOT_PREP_KEY_FILE"]
    }

    func validate() throws {
        if sample {
            guard inputs.isEmpty else { throw ValidationError("--sample builds the built-in sample: leave out --audit, --licensed and --org.") }
        } else {
            try inputs.requireAll()
        }
        if pseudonymize && resolvedKeyFile == nil {
            throw ValidationError("--pseudonymize needs a key: pass --key-file or set COPILOT_PREP_KEY_FILE (create one with 'copilot-prep key new --out <file>').")
        }
        if !pseudonymize && keyFile != nil {
            throw ValidationError("--key-file is only used with --pseudonymize.")
        }
        if template.isEmpty && (templatePathPrefix != nil || !templateValues.isEmpty) {
            throw ValidationError("--template-path-prefix and --set are used with --template.")
        }
        _ = try ParameterAssignments.parse(templateValues)
        if let minGroupSize, minGroupSize < 2 {
            throw ValidationError("--min-group-size must be at least 2.")
        }
    }

    func run() throws {
        var sampleFolder: URL?
        defer { sampleFolder.map { try? FileManager.default.removeItem(at: $0) } }
        var options: BuildOptions
        if sample {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copilot-prep-sample-\(ProcessInfo.processInfo.processIdentifier)")
            sampleFolder = folder
            let files = try SampleTenant.generate(SampleOptions(), into: folder.path)
            options = BuildOptions(audit: [files.auditFolder], licensed: files.licensed, org: files.org, output: out, force: force)
            if !quiet && !json { print("Built-in sample tenant: \(files.truth.auditRead) audit rows in \(files.auditFiles.count) messy exports.\n") }
        } else {
            options = BuildOptions(audit: inputs.audit, licensed: inputs.licensed!, org: inputs.org!, output: out, force: force)
        }
        options.pseudonymizeKeyFile = pseudonymize ? resolvedKeyFile : nil
        options.minGroupSize = minGroupSize
        options.templates = template
        options.templatePathPrefix = templatePathPrefix
        options.templateValues = try ParameterAssignments.parse(templateValues)
        if !quiet { options.progress = ProgressPrinter.forTerminal() }
        let outcome = BuildJob.run(options)
        ProgressPrinter.clear()
        OutcomePrinter.printFindings(outcome.report, quiet: quiet)
        if json {
            try OutcomePrinter.printJSON(outcome.report)
        } else if !quiet && outcome.exitCode == 0 {
            OutcomePrinter.printSummary(outcome)
        }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
