/// The org data (Entra "Download users"): one entry per user, first row wins.
public struct OrgDirectory: Sendable {
    public struct Person: Sendable, Equatable {
        public var key: String
        public var department: String
        public var displayName: String
        public var mail: String
        public var jobTitle: String
        public var country: String
        public var isGuestType: Bool
    }

    public private(set) var people: [Person] = []
    private var indexByKey: [String: Int] = [:]
    public internal(set) var accounting = RowAccounting()
    public internal(set) var input: InputSummary?

    public init() {}

    public func person(_ key: String) -> Person? {
        indexByKey[key].map { people[$0] }
    }

    /// Adds a person unless the key is taken; returns the earlier entry on a repeat.
    mutating func add(_ person: Person) -> Person? {
        if let index = indexByKey[person.key] { return people[index] }
        indexByKey[person.key] = people.count
        people.append(person)
        return nil
    }

    // Entra's camelCase Graph names and the admin center's friendly names, both accepted.
    static let userColumns = ["userPrincipalName", "User principal name", "UPN", "User Name"]
    static let departmentColumns = ["department", "Organization"]
    static let displayNameColumns = ["displayName", "Display name", "Name"]
    static let mailColumns = ["mail", "Email", "E-mail", "Email address", "Primary SMTP address"]
    static let jobTitleColumns = ["jobTitle", "Job title", "Title"]
    static let countryColumns = ["country", "Country/Region", "Country or region"]
    static let userTypeColumns = ["userType", "User type"]
}
