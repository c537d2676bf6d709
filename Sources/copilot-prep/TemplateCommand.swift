import ArgumentParser
import CopilotPrep
import Foundation

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "List or pre-fill the parameters of a Power BI template (.pbit).",
        subcommands: [Params.self, Fill.self, TemplatePackCommand.self]
    )

    struct Params: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a template's parameters: type, current value, and which file each one reads.",
            discussion: """
            Example:
              copilot-prep template params "Template Chat Intelligence Report v2-18.pbit"
            """
        )

        @Argument(help: ArgumentHelp("The template.", valueName: "file.pbit"))
        var template: String

        @Flag(help: "Print JSON instead of a table.")
        var json = false

        func run() throws {
            let parameters = try ErrorText.wrap { try PowerBITemplate.read(template).parameters() }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(parameters), as: UTF8.self))
                return
            }
            for parameter in parameters {
                let value = parameter.value.map { "\"\($0)\"" } ?? "null"
                let readers = parameter.readBy.map { "\($0.table) (\($0.role.rawValue))" }.joined(separator: ", ")
                print("\(parameter.name)  [\(parameter.type)\(parameter.isRequired ? ", required" : "")]  = \(value)"
                      + (readers.isEmpty ? "" : "  read by: \(readers)"))
            }
        }
    }

    struct Fill: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a copy of a template with parameters set.",
            discussion: """
            Example:
              copilot-prep template fill Chat.pbit --set "Org Data File=C:\\Data\\Org_Data.csv" --set "mySecretSalt=x7!q" --out Chat-filled.pbit
            """
        )

        @Argument(help: ArgumentHelp("The template to read (never modified).", valueName: "file.pbit"))
        var template: String

        @Option(name: .customLong("set"), help: ArgumentHelp("A parameter value, NAME=VALUE. Repeatable.", valueName: "NAME=VALUE"))
        var values: [String] = []

        @Option(help: ArgumentHelp("Where to write the filled copy.", valueName: "new.pbit"))
        var out: String

        func validate() throws {
            if values.isEmpty { throw ValidationError("Give at least one --set NAME=VALUE.") }
            _ = try ParameterAssignments.parse(values)
        }

        func run() throws {
            let assignments = try ParameterAssignments.parse(values)
            try ErrorText.wrap {
                var document = try PowerBITemplate.read(template)
                try document.set(assignments)
                try document.write(to: out)
            }
            print("Wrote \(out) with \(assignments.keys.sorted().joined(separator: ", ")) set.")
        }
    }
}

/// `--set NAME=VALUE` pairs (the first `=` separates; values may contain more).
enum ParameterAssignments {
    static func parse(_ values: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for value in values {
            guard let equals = value.firstIndex(of: "="), equals != value.startIndex else {
                throw ValidationError("--set takes NAME=VALUE; got '\(value)'.")
            }
            result[String(value[..<equals])] = String(value[value.index(after: equals)...])
        }
        return result
    }
}

/// Library errors as the command line shows them (a message naming the file, exit 1).
enum ErrorText {
    static func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CopilotPrepError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
