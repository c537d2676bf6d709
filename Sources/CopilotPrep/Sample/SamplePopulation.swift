import Foundation

/// The people and agents of a synthetic tenant, with the quirks of real directories: mixed-case
/// UPNs, guests, departments with commas, quotes, accents and non-Latin text, people missing from
/// the org download or the licence report.
struct SamplePopulation {
    struct Person {
        var upn: String            // lower-case, as Entra lists it
        var auditUserId: String    // as the audit log writes it (mixed case)
        var displayName: String
        var department: String
        var jobTitle: String
        var country: String
        var isGuest: Bool
        var isLicensed: Bool
        var inOrgData: Bool
        var inLicenceReport: Bool
        /// Relative activity: a long tail of light users (Zipf-like).
        var activity: Double
    }

    struct Agent {
        var id: String
        var name: String
    }

    var people: [Person] = []
    let agents: [Agent] = [
        Agent(id: "CopilotStudio.Declarative.T_5f1e2a90-hr-helper", name: "HR Helper"),
        Agent(id: "CopilotStudio.Declarative.T_77b0c3d1-it-desk", name: "IT Service Desk"),
        Agent(id: "P_2d4e6f80-sales-playbook", name: "Sales Playbook"),
        Agent(id: "SP_9a8b7c6d-policies-site", name: "Policies (SharePoint)"),
    ]

    static let departments = ["Sales", "Marketing", "R&D, Europe", "Finance & \"Controlling\"", "Ressources humaines",
                              "営業部", "Customer Success", "Légal", ""]
    private static let givenNames = ["Anna", "Björn", "Chiara", "Dmitri", "Emma", "Fatima", "Gao", "Hélène", "Ibrahim",
                                     "Jonas", "Keiko", "Liam", "María", "Noah", "Olga", "Priya", "Quentin", "Rosa",
                                     "Sven", "Tomás", "Uma", "Viktor", "Wei", "Yusuf", "Zoë"]
    private static let familyNames = ["Meyer", "Okafor", "Rossi", "Nakamura", "Smith", "Dubois", "Kowalski", "Silva",
                                      "Jensen", "García", "Novak", "Öztürk", "Chen", "Murphy", "Lindqvist", "Haddad"]
    private static let countries = ["Germany", "France", "United States", "Japan", "Brazil", "India"]
    private static let titles = ["Engineer", "Account Manager", "Analyst", "Consultant", "Team Lead", "Director"]

    init(users: Int, generator: inout SeededGenerator) {
        for index in 0..<users {
            let given = Self.givenNames[generator.below(Self.givenNames.count)]
            let family = Self.familyNames[generator.below(Self.familyNames.count)]
            let local = "\(Self.ascii(given)).\(Self.ascii(family))\(index)".lowercased()
            let isGuest = index % 37 == 36
            let upn = isGuest ? "\(local)_fabrikam.com#ext#@contoso.onmicrosoft.com" : "\(local)@contoso.com"
            // The audit log keeps the case the account was created with.
            let auditUserId = isGuest ? upn.replacingOccurrences(of: "#ext#", with: "#EXT#")
                : "\(Self.ascii(given)).\(Self.ascii(family))\(index)@Contoso.com"
            people.append(Person(
                upn: upn, auditUserId: auditUserId, displayName: "\(given) \(family)",
                department: Self.departments[generator.below(Self.departments.count)],
                jobTitle: Self.titles[generator.below(Self.titles.count)],
                country: Self.countries[generator.below(Self.countries.count)],
                isGuest: isGuest, isLicensed: !isGuest && generator.chance(0.6),
                inOrgData: index % 23 != 22, inLicenceReport: index % 11 != 10,
                // A few heavy users, a long tail of light ones, and some who never try it.
                activity: index % 10 == 9 ? 0 : 1.6 / pow(Double(1 + generator.below(max(1, users))), 0.75)))
        }
    }

    /// Letters without accents for addresses (Björn → Bjorn).
    private static func ascii(_ name: String) -> String {
        String(name.decomposedStringWithCanonicalMapping.unicodeScalars.filter { $0.isASCII }.map(Character.init))
    }
}
