import Foundation

/// The licensed users: from the Copilot readiness report export or a similar licence file.
public struct LicensedUserList: Sendable {
    public struct User: Sendable, Equatable {
        public var key: String
        public var hasLicense: Bool
        public var reportRefreshDate: String
    }

    /// One entry per user, in the order first listed.
    public private(set) var users: [User] = []
    private var indexByKey: [String: Int] = [:]
    public internal(set) var accounting = RowAccounting()
    public internal(set) var input: InputSummary?

    public init() {}

    public func user(_ key: String) -> User? {
        indexByKey[key].map { users[$0] }
    }

    /// Adds a row; a user listed again is licensed if any row says so. Returns false for a repeat.
    mutating func add(_ user: User) -> Bool {
        if let index = indexByKey[user.key] {
            users[index].hasLicense = users[index].hasLicense || user.hasLicense
            if users[index].reportRefreshDate.isEmpty { users[index].reportRefreshDate = user.reportRefreshDate }
            return false
        }
        indexByKey[user.key] = users.count
        users.append(user)
        return true
    }

    // Column names seen in the readiness report, Graph's activity report and Microsoft's scripts.
    static let userColumns = ["User Principal Name", "UserPrincipalName", "Username", "User Name", "UPN"]
    static let licenceColumns = ["Has Copilot license assigned", "Has Copilot License", "HasCopilotLicense", "Has license",
                                 "HasLicense", "HasCopilot", "Copilot License", "isUser"]
    static let assignedProductsColumns = ["Assigned Products", "AssignedProducts"]
    static let refreshDateColumns = ["Report Refresh Date", "ReportRefreshDate", "Refresh Date"]

    /// Reads a licence value as the exports write it: TRUE/FALSE, Yes/No, 1/0, Y/N in any case.
    static func licenceValue(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "true", "yes", "y", "1": true
        case "false", "no", "n", "0": false
        default: nil
        }
    }
}
