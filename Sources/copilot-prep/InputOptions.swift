import ArgumentParser

/// The three inputs, shared by `check` and `build`.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A Purview audit export (CSV), or a folder of them. Repeat for several exports.", valueName: "file|folder"))
    var audit: [String] = []

    @Option(name: .long, help: ArgumentHelp("The licensed-user list (Copilot readiness report export).", valueName: "file"))
    var licensed: String?

    @Option(name: .long, help: ArgumentHelp("The org data (Entra admin center > Users > Download users).", valueName: "file"))
    var org: String?

    /// Checks all three inputs were given (build --sample needs none).
    func requireAll() throws {
        if audit.isEmpty { throw ValidationError("Missing --audit: give at least one audit export file or folder.") }
        if licensed == nil { throw ValidationError("Missing --licensed: give the licensed-user list.") }
        if org == nil { throw ValidationError("Missing --org: give the org data file.") }
    }

    var isEmpty: Bool { audit.isEmpty && licensed == nil && org == nil }
}
