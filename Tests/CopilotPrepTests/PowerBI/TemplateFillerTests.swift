import Foundation
import Testing
@testable import CopilotPrep

@Suite struct TemplateFillerTests {
    @Test func filesAreMatchedByRoleNotByName() throws {
        let folder = TemporaryFolder()
        var template = try PowerBITemplate.read(try TemplateFixture.write(to: folder.path("t.pbit")))
        let summary = try TemplateFiller.fill(&template, files: [.audit: "/out/a.csv", .licensed: "/out/l.csv", .org: "/out/o.csv"])
        #expect(summary.filled == ["Audit File": "/out/a.csv", "LicenceFile": "/out/l.csv", "Org File": "/out/o.csv"])
        #expect(summary.unsetSaltLike == ["mySecretSalt"])
        let again = try TemplateFiller.fill(&template, files: [.audit: "/x"], extra: ["mySecretSalt": "pepper"])
        #expect(again.unsetSaltLike.isEmpty)
        #expect(try template.parameters().first { $0.name == "mySecretSalt" }?.value == "pepper")
    }

    @Test(arguments: [("C:\\Users\\me\\Copilot", "Org_Data.csv", "C:\\Users\\me\\Copilot\\Org_Data.csv"),
                      ("C:\\Users\\me\\Copilot\\", "Org_Data.csv", "C:\\Users\\me\\Copilot\\Org_Data.csv"),
                      ("D:/shared/copilot/", "tables/users.csv", "D:\\shared\\copilot\\tables\\users.csv"),
                      ("\\\\server\\share", "a.csv", "\\\\server\\share\\a.csv")])
    func windowsPaths(prefix: String, relative: String, expected: String) {
        #expect(TemplateFiller.windowsPath(prefix: prefix, relativePath: relative) == expected)
    }

    @Test func buildWritesAFilledCopyUnderTheTemplatesOwnName() throws {
        let tenant = MixedTenant()
        let source = try TemplateFixture.write(to: tenant.folder.path("My Report.pbit"))
        let out = tenant.folder.path("out")
        var options = tenant.options(output: out)
        options.templates = [source]
        options.templatePathPrefix = "C:\\Copilot"
        let outcome = BuildJob.run(options)
        #expect(outcome.exitCode == 0)
        let filled = try PowerBITemplate.read(out + "/My Report.pbit").parameters()
        #expect(filled.first { $0.name == "Audit File" }?.value == "C:\\Copilot\\Copilot_Activities.csv")
        #expect(filled.first { $0.name == "Org File" }?.value == "C:\\Copilot\\Org_Data.csv")
        #expect(outcome.report.outputs?.contains { $0.path == "My Report.pbit" && $0.sha256.count == 64 } == true)
        #expect(outcome.report.findings.contains { $0.code == "templateParameterLeft" && $0.message.contains("mySecretSalt") })
    }

    @Test func aBadTemplateStopsTheBuildBeforeAnythingIsWritten() throws {
        let tenant = MixedTenant()
        let bad = tenant.folder.write("bad.pbit", text: "not a zip", encoding: .utf8)
        var options = tenant.options(output: tenant.folder.path("out"))
        options.templates = [bad]
        let outcome = BuildJob.run(options)
        #expect(outcome.exitCode == 1)
        #expect(outcome.report.findings.first?.file == bad)
        #expect(!FileManager.default.fileExists(atPath: tenant.folder.path("out")))
    }
}
