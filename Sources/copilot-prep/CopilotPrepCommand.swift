import ArgumentParser
import CopilotPrep

@main
struct CopilotPrepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copilot-prep",
        abstract: "Turn Microsoft 365 Copilot exports into a clean Power BI dataset.",
        version: CopilotPrep.version,
        subcommands: [CheckCommand.self, BuildCommand.self, SampleCommand.self, TemplateCommand.self, KeyCommand.self]
    )
}
