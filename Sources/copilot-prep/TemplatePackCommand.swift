import ArgumentParser
import CopilotPrep

struct TemplatePackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write copilot-prep's own Copilot usage report (.pbit), its DataFolder parameter left empty.",
        discussion: """
        build writes the same report filled in (CopilotUsage.pbit in --out); pack gives it without data,
        to open and point at a folder by hand.

        Example:
          copilot-prep template pack --out CopilotUsage.pbit
        """
    )

    @Option(help: ArgumentHelp("Where to write the template.", valueName: "file.pbit"))
    var out: String

    func run() throws {
        try ErrorText.wrap { try CopilotUsageTemplate.pack().write(to: out) }
        print("Wrote \(out). Open it in Power BI Desktop and give DataFolder: the folder that holds tables/.")
    }
}
