import Foundation
import Testing
@testable import CopilotPrep

@Suite struct PseudonymizationTests {
    private func key(_ folder: TemporaryFolder, _ name: String = "key") throws -> String {
        let path = folder.path(name)
        try PseudonymKey.create(at: path)
        return path
    }

    /// Every output file's text, lower-cased (the org file read as Windows-1252).
    private func outputTexts(_ out: String) throws -> [String: String] {
        var texts: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: out)!
        while let name = enumerator.nextObject() as? String {
            let path = out + "/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let text = name == "Org_Data.csv" ? String(data: data, encoding: .windowsCP1252)! : String(decoding: data, as: UTF8.self)
            texts[name] = text.lowercased()
        }
        return texts
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func noOutputNamesAnyone(seed: UInt64) throws {
        let tenant = GeneratedTenant(seed: seed)
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out, keyFile: try key(tenant.folder)))
        #expect(outcome.exitCode == 0, "\(outcome.report.findings.map(\.formatted))")
        let texts = try outputTexts(out)
        #expect(texts.count >= 15)
        for (name, text) in texts {
            for identifier in tenant.identifiers {
                #expect(!text.contains(identifier), "\(name) contains \(identifier)")
            }
            #expect(!text.contains("@contoso"), "\(name) contains an address")
            #expect(!text.contains("ffff:10.11.0.229"), "\(name) contains a client IP")
        }
        // Printed findings come from the same report.
        for finding in outcome.report.findings {
            for identifier in tenant.identifiers { #expect(!finding.message.lowercased().contains(identifier)) }
        }
    }

    @Test func sameKeySameOutputsOtherKeyOtherPseudonymsSameMetrics() throws {
        let tenant = GeneratedTenant(seed: 7)
        let keyA = try key(tenant.folder, "a"), keyB = try key(tenant.folder, "b")
        let one = BuildJob.run(tenant.options(output: tenant.folder.path("one"), keyFile: keyA))
        let two = BuildJob.run(tenant.options(output: tenant.folder.path("two"), keyFile: keyA))
        let other = BuildJob.run(tenant.options(output: tenant.folder.path("other"), keyFile: keyB))
        let plain = BuildJob.run(tenant.options(output: tenant.folder.path("plain")))
        #expect(other.exitCode == 0 && plain.exitCode == 0)
        let data = { (outputs: [OutputSummary]?) in outputs?.filter { !$0.path.hasSuffix(".pbit") } }  // .pbit names its folder
        #expect(data(one.report.outputs) == data(two.report.outputs))
        let usersA = Set(try CSVTable(tenant.folder.path("one/tables/users.csv")).column("UserKey"))
        let usersB = Set(try CSVTable(tenant.folder.path("other/tables/users.csv")).column("UserKey"))
        #expect(usersA.isDisjoint(with: usersB))
        #expect(usersA.allSatisfy { $0.hasPrefix("u_") && $0.count == 34 })
        #expect(one.report.metrics == plain.report.metrics)
        #expect(one.report.accounting == plain.report.accounting)
    }

    @Test func pseudonymIsTheDocumentedHMAC() throws {
        let key = PseudonymKey(bytes: Array(repeating: 0x0B, count: 20))
        // RFC 4231 test case 1: HMAC-SHA256(0x0b * 20, "Hi There").
        #expect(Pseudonymizer(key: key).pseudonym("Hi There") == "u_b0344c61d8db38535ca8afceaf0bf12b")
    }

    @Test func joinsHoldAndAuditDataStaysValidWithOnlyPeopleChanged() throws {
        let tenant = GeneratedTenant(seed: 11)
        let out = tenant.folder.path("out")
        #expect(BuildJob.run(tenant.options(output: out, keyFile: try key(tenant.folder))).exitCode == 0)
        let users = Set(try CSVTable(out + "/tables/users.csv").column("UserKey"))
        #expect(Set(try CSVTable(out + "/tables/interactions.csv").column("UserKey")).isSubset(of: users))
        #expect(Set(try CSVTable(out + "/tables/daily_activity.csv").column("UserKey")).isSubset(of: users))
        #expect(Set(try CSVTable(out + "/Copilot_Licensed_Users.csv").column("User Principal Name")).isSubset(of: users))
        let activities = try CSVTable(out + "/Copilot_Activities.csv")
        let plainOut = tenant.folder.path("plain")
        #expect(BuildJob.run(tenant.options(output: plainOut)).exitCode == 0)
        let plain = try CSVTable(plainOut + "/Copilot_Activities.csv")
        for (row, original) in zip(activities.rows, plain.rows) {
            let scrubbed = try JSONSerialization.jsonObject(with: Data(row[5].utf8)) as! [String: Any]
            var before = try JSONSerialization.jsonObject(with: Data(original[5].utf8)) as! [String: Any]
            #expect(scrubbed["ClientIP"] == nil)
            #expect(scrubbed["UserId"] as? String == row[4])
            #expect(users.contains(row[4]))
            // Everything but the people is intact.
            for key in ["ClientIP", "UserId", "UserKey", "CopilotEventData"] { before[key] = nil }
            var after = scrubbed
            for key in ["UserId", "UserKey", "CopilotEventData"] { after[key] = nil }
            #expect(NSDictionary(dictionary: before).isEqual(to: after))
            let event = scrubbed["CopilotEventData"] as! [String: Any]
            let url = ((event["AccessedResources"] as! [[String: Any]])[0]["Id"] as! String)
            #expect(url.contains("-my.sharepoint.com/personal/u_"))
            // The OneDrive folder gets the same pseudonym as its owner.
            #expect(url.contains("/personal/\(row[4])/"))
        }
    }

    @Test func smallDepartmentsAreGrouped() throws {
        let tenant = GeneratedTenant(seed: 5, users: 30)
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out, minGroupSize: 7))
        var headcount: [String: Int] = [:]
        for person in tenant.people.dropLast() { headcount[person.department, default: 0] += 1 }
        let small = Set(headcount.filter { $0.value < 7 }.keys)
        #expect(!small.isEmpty)
        let departments = Set(try CSVTable(out + "/tables/users.csv").column("Department"))
        #expect(departments.isDisjoint(with: small))
        #expect(departments.contains(DepartmentGrouping.smallGroup))
        #expect(Set(outcome.report.metrics.activeUsersByDepartment.keys).isDisjoint(with: small))
    }

    @Test func keyFilesAreCheckedAndNeverOverwritten() throws {
        let folder = TemporaryFolder()
        let path = try key(folder)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(folder.readText("key").trimmingCharacters(in: .whitespacesAndNewlines).count == 64)
        #expect(throws: CopilotPrepError.self) { try PseudonymKey.create(at: path) }
        folder.write("short", text: "00112233445566778899aabbccddee\n", encoding: .utf8)  // 15 bytes
        let short = #expect(throws: CopilotPrepError.self) { try PseudonymKey.load(from: folder.path("short")) }
        #expect(short?.message.contains("at least 16") == true)
        folder.write("nothex", text: "not a key at all, not a key at all", encoding: .utf8)
        #expect(throws: CopilotPrepError.self) { try PseudonymKey.load(from: folder.path("nothex")) }
        let missing = #expect(throws: CopilotPrepError.self) { try PseudonymKey.load(from: folder.path("missing")) }
        #expect(missing?.message.contains("key new") == true)
    }

    @Test func aMissingKeyStopsTheBuild() throws {
        let tenant = GeneratedTenant(seed: 3)
        let outcome = BuildJob.run(tenant.options(output: tenant.folder.path("out"), keyFile: tenant.folder.path("nokey")))
        #expect(outcome.exitCode == 1)
        #expect(outcome.report.findings.first?.file == tenant.folder.path("nokey"))
    }
}
