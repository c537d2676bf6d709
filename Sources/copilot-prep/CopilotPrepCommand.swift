import ArgumentParser
import CopilotPrep

@main
struct CopilotPrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copilot-prep",
        abstract: "Turn Microsoft 365 Copilot exports into a clean Power BI dataset.",
        discussion: """
        Reads the Purview audit log export, the Copilot licensed-user list and the Entra org data;
        writes the files Microsoft's Copilot templates read, tidy tables, a report, and filled .pbit files.

        Examples:
          copilot-prep build --sample --out sample-output
          copilot-prep check --audit exports/ --licensed readiness.csv --org users.csv
          copilot-prep build --audit exports/ --licensed readiness.csv --org users.csv --out dataset
          copilot-prep --generate-completion-script bash > /etc/bash_completion.d/copilot-prep
        """,
        version: CopilotPrep.version,
        subcommands: [CheckCommand.self, BuildCommand.self, SampleCommand.self, TemplateCommand.self, KeyCommand.self]
    )
}
