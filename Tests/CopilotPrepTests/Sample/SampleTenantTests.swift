import Foundation
import Testing
@testable import CopilotPrep

@Suite struct SampleTenantTests {
    private func generate(_ options: SampleOptions, in folder: TemporaryFolder, _ name: String = "sample") throws -> SampleFiles {
        try SampleTenant.generate(options, into: folder.path(name))
    }

    private func bytes(of files: SampleFiles) throws -> [Data] {
        try (files.auditFiles + [files.licensed, files.org, files.truthFile]).map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let folder = TemporaryFolder()
        let one = try generate(SampleOptions(users: 40, days: 10, seed: 7), in: folder, "one")
        let two = try generate(SampleOptions(users: 40, days: 10, seed: 7), in: folder, "two")
        let other = try generate(SampleOptions(users: 40, days: 10, seed: 8), in: folder, "other")
        #expect(try bytes(of: one) == bytes(of: two))
        #expect(try bytes(of: one)[0] != bytes(of: other)[0])
    }

    @Test func aBuildReportsExactlyTheTruth() throws {
        let folder = TemporaryFolder()
        let files = try generate(SampleOptions(users: 60, days: 14, seed: 3), in: folder)
        let truth = files.truth
        let outcome = BuildJob.run(BuildOptions(audit: [files.auditFolder], licensed: files.licensed, org: files.org))
        let report = outcome.report
        #expect(report.accounting.audit == RowAccounting(read: truth.auditRead, kept: truth.records, duplicate: truth.duplicate,
                                                         quarantined: truth.quarantined, skippedOperation: truth.skippedOperation))
        #expect(report.metrics.records == truth.records)
        #expect(report.metrics.prompts == truth.prompts)
        #expect(report.metrics.activeUsers == truth.activeUsers)
        #expect(report.metrics.sessions == truth.sessions)
        #expect(report.metrics.licensedActiveUsers == truth.licensedActiveUsers)
        #expect(report.metrics.licensedUsers == truth.licensedUsers)
        #expect(report.metrics.promptsByApp == truth.promptsByApp)
        #expect(report.metrics.firstDay == truth.firstDay && report.metrics.lastDay == truth.lastDay)
        #expect(report.accounting.licensed.read == truth.licensedRows)
        #expect(report.accounting.org.read == truth.orgRows)
        #expect(report.inputs.filter { $0.role == .audit }.map(\.rows) == truth.files.map(\.rows))
    }

    @Test func itIsMessyTheWayRealExportsAre() throws {
        let folder = TemporaryFolder()
        let files = try generate(SampleOptions(users: 80, days: 14, seed: 5), in: folder)
        let truth = files.truth
        #expect(truth.duplicate > 0 && truth.quarantined > 0 && truth.skippedOperation > 0)
        #expect(truth.records < truth.auditRead)
        let dialects = try files.auditFiles.map { try CSVReader(url: URL(fileURLWithPath: $0)) }
        #expect(dialects.map(\.dialect.encoding) == [.utf8BOM, .utf8BOM, .utf8, .utf16LE])
        #expect(dialects.map(\.dialect.delimiterName) == [",", ",", ",", "tab"])
        #expect(dialects[2].header == ExportFixture.classicHeader)
        #expect(dialects[0].header == ExportFixture.currentHeader)
        let org = try CSVTable(files.org)
        #expect(org.header.starts(with: ["userPrincipalName", "displayName"]))
        let departments = Set(org.column("department"))
        #expect(departments.contains("R&D, Europe") && departments.contains("営業部") && departments.contains(""))
        #expect(org.column("userPrincipalName").contains { $0.contains("#ext#") })
        let licence = try CSVTable(files.licensed)
        #expect(Set(licence.column("Has Copilot license assigned")) == ["Yes", "No"])
        let classic = try CSVTable(files.auditFiles[2])
        #expect(classic.column("CreationDate").allSatisfy { $0.contains("/") && ($0.hasSuffix("AM") || $0.hasSuffix("PM")) })
        #expect(classic.column("UserIds").contains { $0 != $0.lowercased() })
    }

    @Test func sizeModeLandsNearTheSizeAsked() throws {
        let folder = TemporaryFolder()
        let files = try generate(SampleOptions(seed: 1, sizeMB: 4), in: folder)
        let total = try files.auditFiles.reduce(0) { $0 + (try FileManager.default.attributesOfItem(atPath: $1)[.size] as! Int) }
        #expect(Double(total) > 4_000_000 * 0.85 && Double(total) < 4_000_000 * 1.15, "\(total) bytes")
        #expect(files.truth.records > 0)
    }
}
