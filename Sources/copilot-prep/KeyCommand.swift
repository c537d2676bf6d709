import ArgumentParser
import CopilotPrep

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key",
        abstract: "Manage the secret key that pseudonymises users.",
        subcommands: [New.self]
    )

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new random key (32 bytes, hex) readable only by you.",
            discussion: """
            Keep the key safe and keep using the same one: the same key gives the same
            pseudonyms every month; whoever holds it can re-identify people.

            Example:
              copilot-prep key new --out ~/.copilot-prep.key
            """
        )

        @Option(help: ArgumentHelp("Where to write the key (must not exist yet).", valueName: "key-file"))
        var out: String

        func run() throws {
            do {
                try PseudonymKey.create(at: out)
            } catch let error as CopilotPrepError {
                throw ValidationError(error.description)
            }
            print("Wrote a new key to \(out) (mode 0600). Use it with: copilot-prep build ... --pseudonymize --key-file \(out)")
        }
    }
}
