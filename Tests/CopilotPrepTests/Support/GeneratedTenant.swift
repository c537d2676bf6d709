import Foundation
@testable import CopilotPrep

/// A random tenant for property-style tests: people with names, mail and OneDrive folders, whose
/// identifiers also appear inside AuditData (UserId, OneDrive URLs, addresses in file names).
struct GeneratedTenant {
    struct Person {
        var upn: String
        var displayName: String
        var department: String
    }

    let folder = TemporaryFolder()
    var people: [Person] = []

    init(seed: UInt64, users: Int = 12, records: Int = 60) {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(bound))
        }
        let first = ["Ann", "Björn", "Chiara", "Dmitri", "Eve", "Fatima", "Gao", "Hélène", "Ines", "Jonas"]
        let last = ["Meyer", "Okafor", "Rossi", "Nakamura", "Smith", "Dubois", "Kowalski", "Silva"]
        let departments = ["Sales", "R&D, Europe", "Finance", "営業部", "HR"]
        for n in 0..<users {
            let given = first[next(first.count)], family = last[next(last.count)]
            let local = "\(given.lowercased().folding(options: .diacriticInsensitive, locale: nil)).\(family.lowercased())\(n)"
            let guest = n % 7 == 6
            let upn = guest ? "\(local)_fabrikam.com#EXT#@contoso.onmicrosoft.com" : "\(local)@contoso.com"
            people.append(Person(upn: upn, displayName: "\(given) \(family)", department: departments[next(departments.count)]))
        }
        var interactions: [ExportFixture.Interaction] = []
        var overrides: [String: String] = [:]
        for n in 0..<records {
            let person = people[next(people.count)]
            let mixedCase = n % 2 == 0 ? person.upn.uppercased() : person.upn
            let id = String(format: "%08x-0000-4000-8000-%012x", n, seed)
            var interaction = ExportFixture.Interaction(
                id: id, time: String(format: "2025-09-%02dT%02d:00:00", 1 + n % 20, n % 24), user: mixedCase,
                appHost: ["BizChat", "Teams", "Word"][n % 3], thread: "19:t\(n % 17)@thread.v2",
                messages: [.init(id: "\(1_757_000_000_000 + n)", isPrompt: true), .init(id: "\(1_757_000_000_001 + n)", isPrompt: false)])
            interaction.resources = 1
            interactions.append(interaction)
            // Put the person inside AuditData the ways real records do.
            let segment = person.upn.lowercased().replacingOccurrences(of: "@", with: "_").replacingOccurrences(of: ".", with: "_")
            var json = ExportFixture.auditData(interaction)
            json = json.replacingOccurrences(of: "https:\\/\\/contoso.sharepoint.com\\/sites\\/s\\/Doc0.docx",
                                             with: "https:\\/\\/contoso-my.sharepoint.com\\/personal\\/\(segment)\\/Documents\\/Notes.docx")
            json = json.replacingOccurrences(of: "\"Name\":\"Doc0.docx\"", with: "\"Name\":\"Sync with \(person.upn.uppercased()).docx\"")
            overrides[id] = json
        }
        folder.write("audit/export.csv", text: ExportFixture.currentExport(interactions, auditDataOverride: overrides))
        folder.write("licensed.csv", text: ExportFixture.readiness(people.enumerated().map { ($1.upn, $0 % 2 == 0 ? "Yes" : "No") }))
        var org = "userPrincipalName,displayName,mail,department,jobTitle\n"
        for person in people.dropLast() {  // one user missing from org data
            org += ExportFixture.row([person.upn, person.displayName, person.upn, person.department, "Engineer"]) + "\n"
        }
        folder.write("org.csv", text: org)
    }

    func options(output: String, keyFile: String? = nil, minGroupSize: Int? = nil) -> BuildOptions {
        var options = BuildOptions(audit: [folder.path("audit")], licensed: folder.path("licensed.csv"), org: folder.path("org.csv"),
                                   output: output)
        options.pseudonymizeKeyFile = keyFile
        options.minGroupSize = minGroupSize
        return options
    }

    /// Every identifier of a person the inputs hold, lower-cased.
    var identifiers: [String] {
        people.flatMap { [$0.upn.lowercased(), $0.displayName.lowercased()] }
    }
}
