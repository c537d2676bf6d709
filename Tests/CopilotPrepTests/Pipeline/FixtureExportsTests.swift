import Foundation
import Testing
@testable import CopilotPrep

/// The small literal exports in Fixtures/Exports, shaped like real downloads: a current-layout
/// Purview export (BOM, CRLF, a quoted date with a trailing space, another operation), a classic
/// export repeating one record, a readiness report and an Entra download.
@Suite struct FixtureExportsTests {
    private func fixture(_ name: String) throws -> String {
        try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/Exports")).path
    }

    @Test func buildReadsThemAsExpected() throws {
        let options = BuildOptions(audit: [try fixture("audit-2025-09-08.csv"), try fixture("audit-classic-2025-09.csv")],
                                   licensed: try fixture("readiness-report.csv"), org: try fixture("entra-users.csv"))
        let outcome = BuildJob.run(options)
        #expect(outcome.exitCode == 0)
        #expect(outcome.report.accounting.audit == RowAccounting(read: 5, kept: 3, duplicate: 1, quarantined: 0, skippedOperation: 1))
        let metrics = outcome.report.metrics
        // Both first prompts share a message id in different threads: two prompts, not one.
        #expect(metrics.records == 3 && metrics.prompts == 3 && metrics.activeUsers == 3 && metrics.sessions == 3)
        #expect(metrics.licensedActiveUsers == 1 && metrics.licensedUsers == 1)
        #expect(metrics.activeUsersByDepartment == ["R&D, Europe": 1, "Légal": 1, "(Unknown)": 1])
        #expect(metrics.firstDay == "2025-09-08" && metrics.lastDay == "2025-09-09")
    }
}
