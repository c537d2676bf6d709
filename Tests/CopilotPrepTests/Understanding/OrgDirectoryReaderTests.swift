import Foundation
import Testing
@testable import CopilotPrep

@Suite struct OrgDirectoryReaderTests {
    private func read(_ text: String) throws -> (OrgDirectory, DiagnosticLog) {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("org.csv", text: text)))
        var log = DiagnosticLog()
        let directory = try OrgDirectoryReader.read(reader, quarantine: try Quarantine(writingTo: nil), log: &log)
        return (directory, log)
    }

    @Test func entraCamelCaseHeaders() throws {
        let (directory, _) = try read(ExportFixture.entra([("Ann@Contoso.com", "R&D, \"Labs\""), ("bob@contoso.com", "")]))
        let ann = try #require(directory.person("ann@contoso.com"))
        #expect(ann.department == "R&D, \"Labs\"")
        #expect(ann.jobTitle == "Engineer")
        #expect(ann.country == "Germany")
        #expect(ann.mail == "Ann@Contoso.com")
        #expect(directory.person("bob@contoso.com")?.department == "")
    }

    @Test func friendlyHeadersFromTheAdminCenterDocs() throws {
        let (directory, _) = try read("User principal name,Display name,Job title,Department,Country/Region,Mail\nzoe@contoso.com,Zoë,Lead,営業部,Japan,zoe@contoso.com\n")
        let zoe = try #require(directory.person("zoe@contoso.com"))
        #expect(zoe.displayName == "Zoë")
        #expect(zoe.department == "営業部")
        #expect(zoe.country == "Japan")
        #expect(zoe.jobTitle == "Lead")
    }

    @Test func firstRowWinsAndConflictsAreReported() throws {
        let (directory, log) = try read("userPrincipalName,department\nann@contoso.com,HR\nANN@contoso.com,Sales\n")
        #expect(directory.person("ann@contoso.com")?.department == "HR")
        #expect(directory.accounting == RowAccounting(read: 2, kept: 1, duplicate: 1, quarantined: 0))
        #expect(log.sorted.contains { $0.code == "conflictingOrgUser" && $0.line == 3 })
    }

    @Test func missingDepartmentColumnIsAnError() {
        let error = #expect(throws: CopilotPrepError.self) { try read("userPrincipalName,displayName\nann@contoso.com,Ann\n") }
        #expect(error?.message.contains("no department column") == true)
    }
}
