import Foundation
import Testing
@testable import CopilotPrep

@Suite struct BuildJobTests {
    @Test func everyRowIsAccountedForAndTheMetricsAreExact() throws {
        let tenant = MixedTenant()
        let outcome = BuildJob.run(tenant.options())
        #expect(outcome.exitCode == 0, "\(outcome.report.findings.map(\.formatted))")
        let audit = outcome.report.accounting.audit
        // Rows: file 1 has 5, file 2 has 3, file 3 has 3, file 4 has 1.
        #expect(audit == RowAccounting(read: 12, kept: 6, duplicate: 2, quarantined: 2, skippedOperation: 2))
        #expect(audit.isBalanced)
        #expect(outcome.report.accounting.licensed == RowAccounting(read: 5, kept: 4, duplicate: 1, quarantined: 0))
        #expect(outcome.report.accounting.org == RowAccounting(read: 4, kept: 4, duplicate: 0, quarantined: 0))

        let metrics = outcome.report.metrics
        #expect(metrics.records == 6)
        // (t1,m1) (t2,m1) (t3,m5) (t4,m6) (t5,m7) (t5,m8); d repeats (t1,m1).
        #expect(metrics.prompts == 6)
        #expect(outcome.report.findings.contains { $0.code == "repeatedPrompt" && $0.message.hasPrefix("1 prompt(s)") })
        #expect(metrics.activeUsers == 4)  // ann, bob, carol, dave
        #expect(metrics.sessions == 5)     // t1..t5
        #expect(metrics.licensedActiveUsers == 2)  // ann, carol
        #expect(metrics.promptsByApp == ["BizChat": 2, "Teams": 2, "Outlook": 2])
        #expect(metrics.activeUsersByDepartment == ["R&D, Europe": 1, "Sales": 1, "営業部": 1, "(Unknown)": 1])
        #expect(metrics.firstDay == "2025-09-01")
        #expect(metrics.lastDay == "2025-09-04")

        let inputs = outcome.report.inputs.filter { $0.role == .audit }
        #expect(inputs.map(\.layout) == ["current", "classic", "current", "current"])
        #expect(inputs.map(\.delimiter) == [",", ",", "tab", ";"])
        #expect(inputs.map(\.encoding) == ["UTF-8 with BOM", "UTF-8", "UTF-16LE", "UTF-8 with BOM"])
        #expect(inputs.map(\.rows) == [5, 3, 3, 1])
        #expect(outcome.report.outputs == nil)  // check writes nothing
    }

    @Test func quarantineSaysWhereAndWhy() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out))
        #expect(outcome.exitCode == 0)
        let quarantine = try CSVTable(out + "/quarantine.csv")
        #expect(quarantine.header == ["File", "Line", "Reason", "Detail", "Row"])
        #expect(quarantine.rows.count == 2)
        let byReason = Dictionary(uniqueKeysWithValues: quarantine.rows.map { ($0[2], $0) })
        let invalid = try #require(byReason["invalidAuditData"])
        #expect(invalid[0].hasSuffix("2-classic.csv"))
        #expect(invalid[1] == "4")
        #expect(invalid[4].contains("oops"))
        let cut = try #require(byReason["truncatedAuditData"])
        #expect(cut[0].hasSuffix("3-excel.csv"))
        #expect(cut[1] == "3")
        #expect(cut[3].contains("32,767"))
        let finding = try #require(outcome.report.findings.first { $0.code == "truncatedAuditData" })
        #expect(finding.severity == .warning && finding.line == 3)
    }

    @Test func activitiesAreInTheTemplateLayoutInInputOrderWithAuditDataUnchanged() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        #expect(BuildJob.run(tenant.options(output: out)).exitCode == 0)
        let data = tenant.folder.read("out/Copilot_Activities.csv")
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))  // UTF-8 without BOM
        let table = try CSVTable(out + "/Copilot_Activities.csv")
        #expect(table.header == ["RecordId", "CreationDate", "RecordType", "Operation", "UserId", "AuditData",
                                 "AssociatedAdminUnits", "AssociatedAdminUnitsNames"])
        let expected = MixedTenant.keptInInputOrder
        #expect(table.column("RecordId") == expected.map(\.id))
        #expect(table.column("CreationDate") == expected.map(\.time))
        #expect(table.column("AuditData") == expected.map(ExportFixture.auditData))
        #expect(Set(table.column("RecordType")) == ["261"])  // the classic row (e) gets AuditData's number
        #expect(Set(table.column("Operation")) == ["CopilotInteraction"])
        let e = try #require(table.rows.first { $0[0] == MixedTenant.e.id })
        #expect(e[4] == "Carol@contoso.com")
    }

    @Test func licensedUsersInTheTemplatesLayout() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        #expect(BuildJob.run(tenant.options(output: out)).exitCode == 0)
        let text = tenant.folder.readText("out/Copilot_Licensed_Users.csv")
        #expect(text == """
        User Principal Name,Has license,Report Refresh Date
        ann@contoso.com,TRUE,2025-09-30
        bob@contoso.com,FALSE,2025-09-30
        carol@contoso.com,TRUE,2025-09-30
        erin@contoso.com,TRUE,2025-09-30

        """)
    }

    @Test func orgDataReadsRightWithCodePage1252AndNoQuoteHandling() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out))
        let data = tenant.folder.read("out/Org_Data.csv")
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
        // Read it the way the templates do: 1252, split on commas and line breaks, quotes meaningless.
        let text = try #require(String(data: data, encoding: .windowsCP1252))
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["UserPrincipalName", "Department", "DisplayName", "Email", "JobTitle", "Country"])
        #expect(lines.allSatisfy { $0.count == 6 })
        #expect(!text.contains("\""))
        #expect(lines[1][0] == "ann@contoso.com" && lines[1][1] == "R&D‚ Europe")
        #expect(lines[2][0] == "bob@contoso.com")  // lower-cased
        #expect(lines[3][1] == "???")
        #expect(lines[4][1] == "")  // empty department stays empty
        #expect(outcome.report.findings.contains { $0.code == "notInCodePage1252" && $0.count == 1 })
    }

    @Test func tidyTablesAddUpToTheReport() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out))
        let metrics = outcome.report.metrics
        let interactions = try CSVTable(out + "/tables/interactions.csv")
        #expect(interactions.header == TidyTable.interactions.columns)
        #expect(interactions.rows.count == metrics.records)
        let messages = try CSVTable(out + "/tables/messages.csv")
        let promptPairs = Set(messages.rows.filter { $0[3] == "TRUE" }.map { [$0[1], $0[2]] })
        #expect(promptPairs.count == metrics.prompts)
        let daily = try CSVTable(out + "/tables/daily_activity.csv")
        #expect(Set(daily.rows.filter { Int($0[3])! > 0 }.map { $0[1] }).count == metrics.activeUsers)
        #expect(daily.column("Prompts").reduce(0) { $0 + Int($1)! } == metrics.prompts)
        #expect(daily.column("Records").reduce(0) { $0 + Int($1)! } == metrics.records)
        // Joins hold: every UserKey of interactions is in users.csv, exactly once.
        let users = try CSVTable(out + "/tables/users.csv")
        #expect(Set(users.column("UserKey")).count == users.rows.count)
        #expect(Set(interactions.column("UserKey")).isSubset(of: Set(users.column("UserKey"))))
        let dave = try #require(users.rows.first { $0[0] == "dave_fabrikam.com#ext#@contoso.onmicrosoft.com" })
        #expect(dave[2] == "(Unknown)" && dave[8] == "TRUE" && dave[6] == "FALSE")
        let agents = try CSVTable(out + "/tables/agents.csv")
        #expect(agents.rows == [["CopilotStudio.Declarative.T_42", "HR Helper", "Copilot Studio"]])
        // Template layout: i has 3 resources x 2 messages, a has 2 messages, the rest 1 row each.
        #expect(outcome.report.rowsInTemplateLayout == 12)
        #expect(outcome.report.tables?.first { $0.name == "resources" }?.rows == 3)
        let quality = try CSVTable(out + "/tables/data_quality.csv")
        #expect(quality.rows.contains(["audit", "quarantined", "2"]))
    }

    @Test func reportListsOutputsWithHashesAndIsReproducible() throws {
        let tenant = MixedTenant()
        let first = BuildJob.run(tenant.options(output: tenant.folder.path("one")))
        let second = BuildJob.run(tenant.options(output: tenant.folder.path("two")))
        let outputs = try #require(first.report.outputs)
        #expect(outputs.map(\.path).contains("tables/interactions.csv"))
        #expect(outputs.map(\.path).contains("Copilot_Activities.csv"))
        // Same inputs, same bytes; only the report's DataFolder names the other output folder.
        let data = { (outputs: [OutputSummary]?) in outputs?.filter { !$0.path.hasSuffix(".pbit") } }
        #expect(data(outputs) == data(second.report.outputs))
        #expect(try PowerBITemplate.read(tenant.folder.path("two/CopilotUsage.pbit")).parameters().first?.value
                == URL(fileURLWithPath: tenant.folder.path("two")).standardizedFileURL.path)
        let json = try JSONSerialization.jsonObject(with: tenant.folder.read("one/build-report.json")) as! [String: Any]
        for key in ["tool", "inputs", "accounting", "metrics", "findings", "outputs", "tables", "rowsInTemplateLayout"] {
            #expect(json[key] != nil, "missing \(key)")
        }
        let finding = (json["findings"] as! [[String: Any]]).first!
        #expect(Set(finding.keys) == ["severity", "code", "file", "line", "message", "count"])
    }

    @Test func neverOverwritesAnInputAndReplacesEarlierOutputsOnlyWithForce() throws {
        let tenant = MixedTenant()
        // An input named like an output, inside the output folder.
        let trap = tenant.folder.write("trap/Org_Data.csv", text: ExportFixture.entra([("ann@contoso.com", "HR")]))
        let before = tenant.folder.read("trap/Org_Data.csv")
        let refused = BuildJob.run(BuildOptions(audit: [tenant.auditFolder], licensed: tenant.licensed, org: trap,
                                                output: tenant.folder.path("trap"), force: true))
        #expect(refused.exitCode == 1)
        #expect(refused.report.findings.first?.message.contains("is one of the input files") == true)
        #expect(tenant.folder.read("trap/Org_Data.csv") == before)

        let out = tenant.folder.path("out")
        #expect(BuildJob.run(tenant.options(output: out)).exitCode == 0)
        let again = BuildJob.run(tenant.options(output: out))
        #expect(again.exitCode == 1)
        #expect(again.report.findings.first?.message.contains("--force") == true)
        let first = tenant.folder.read("out/tables/interactions.csv")
        tenant.folder.write("out/tables/interactions.csv", text: "stale")  // an earlier, different output
        // What a killed build leaves (no such process can exist: above the kernel's pid limit).
        tenant.folder.write("out/.copilot-prep-work-2147483647-7/day-3.bin", text: "x")
        tenant.folder.write("out/.copilot-prep-replaced-2147483647/0-Org_Data.csv", text: "x")
        #expect(BuildJob.run(tenant.options(output: out, force: true)).exitCode == 0)
        #expect(tenant.folder.read("out/tables/interactions.csv") == first)
        // The replaced outputs and the work files are gone; only outputs are left.
        let left = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(left.allSatisfy { !$0.hasPrefix(".") }, "\(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/tables").allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func aMissingColumnStopsTheBuildBeforeAnythingIsWritten() throws {
        let tenant = MixedTenant()
        tenant.folder.write("audit/5-broken.csv", text: "CreationDate,UserIds,Operations\n9/6/2025,a,CopilotInteraction\n")
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out))
        #expect(outcome.exitCode == 1)
        let error = try #require(outcome.report.findings.first)
        #expect(error.severity == .error && error.file?.hasSuffix("5-broken.csv") == true && error.line == 1)
        #expect(error.message.contains("no AuditData column"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: ["missing.csv", "empty.csv", "binary.csv", "headeronly.csv"])
    func badInputsGiveAClearError(name: String) throws {
        let tenant = MixedTenant()
        tenant.folder.write("empty.csv", Data())
        tenant.folder.write("binary.csv", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
        tenant.folder.write("headeronly.csv", text: ExportFixture.row(ExportFixture.currentHeader) + "\r\n")
        let path = tenant.folder.path(name)
        let outcome = BuildJob.run(BuildOptions(audit: [path], licensed: tenant.licensed, org: tenant.org))
        if name == "headeronly.csv" {
            // A header with no rows is a valid, empty export.
            #expect(outcome.exitCode == 0)
            #expect(outcome.report.accounting.audit.read == 0)
        } else {
            #expect(outcome.exitCode == 1)
            #expect(outcome.report.findings.first?.file == path)
        }
    }

    @Test func cappedExportsAreFlagged() throws {
        let tenant = MixedTenant()
        var text = ExportFixture.row(ExportFixture.currentHeader) + "\n"
        for n in 0..<50_000 { text += "r\(n),2025-09-01T00:00:00Z,15,FileAccessed,x@contoso.com,{},,\n" }
        tenant.folder.write("audit/capped.csv", text: text, encoding: .utf8)
        let outcome = BuildJob.run(tenant.options())
        let finding = try #require(outcome.report.findings.first { $0.code == "cappedExport" })
        #expect(finding.file?.hasSuffix("capped.csv") == true)
        #expect(outcome.report.accounting.audit.skippedOperation == 50_002)
    }
}
