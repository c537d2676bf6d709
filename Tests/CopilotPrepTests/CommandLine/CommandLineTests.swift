import Foundation
import Testing
@testable import CopilotPrep

/// A few runs of the built tool itself: exit statuses, where messages go, no crash.
@Suite struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `copilot-prep` binary `swift test` built next to the test bundle.
    static let binary: URL? = {
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL]
        return candidates.map { $0.appendingPathComponent("copilot-prep") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let tool = try #require(Self.binary, "copilot-prep was not built next to the tests")
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func buildPrintsFindingsOnStderrAndASummaryOnStdout() throws {
        let tenant = MixedTenant()
        let result = try run(["build", "--audit", tenant.auditFolder, "--licensed", tenant.licensed, "--org", tenant.org,
                              "--out", tenant.folder.path("out")], environment: ["NO_COLOR": "1"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Records") && result.stdout.contains("Next: open CopilotUsage.pbit"))
        #expect(!result.stdout.contains("\u{1B}["))  // plain text when piped
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.first?.hasPrefix("warning: ") == true)  // most important first
        #expect(lines.contains { $0.contains("3-excel.csv:3: row quarantined: AuditData was cut at 32,767") })
        #expect(lines.allSatisfy { $0.hasPrefix("warning: ") || $0.hasPrefix("info: ") })
    }

    @Test func badInputExitsOneNamingTheFile() throws {
        let tenant = MixedTenant()
        let missing = tenant.folder.path("nope.csv")
        let result = try run(["check", "--audit", missing, "--licensed", tenant.licensed, "--org", tenant.org])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: \(missing): no such file or folder"))
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack dump"))
    }

    @Test func usageErrorsComeFromTheArgumentParser() throws {
        let result = try run(["build", "--out", "x"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--audit"))
    }

    @Test func jsonPrintsTheReport() throws {
        let tenant = MixedTenant()
        let result = try run(["check", "--audit", tenant.auditFolder, "--licensed", tenant.licensed, "--org", tenant.org, "--json"])
        #expect(result.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((report?["metrics"] as? [String: Any])?["prompts"] as? Int == 6)
        #expect(report?["outputs"] == nil)
    }

    @Test func helpHasExamplesAndVersionPrints() throws {
        for command in [[], ["build"], ["check"], ["sample"], ["template", "params"], ["template", "fill"], ["template", "pack"], ["key", "new"]] {
            let help = try run(command + ["--help"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command) --help has no example")
        }
        #expect(try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == CopilotPrep.version)
    }
}
