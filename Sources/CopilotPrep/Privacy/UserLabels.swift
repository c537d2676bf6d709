/// How users appear in outputs: their normalised UPN, or their pseudonym when pseudonymising.
/// Every writer asks this one value, so no output can be forgotten.
struct UserLabels: Sendable {
    let pseudonymizer: Pseudonymizer?
    let departments: DepartmentGrouping

    var isPseudonymizing: Bool { pseudonymizer != nil }

    func user(_ key: String) -> String {
        pseudonymizer?.pseudonym(key) ?? key
    }

    /// Text from AuditData that may name people (URLs, file names).
    func text(_ text: String) -> String {
        pseudonymizer?.scrub(text) ?? text
    }

    /// A name or e-mail of a user: the user's pseudonym instead when pseudonymising.
    func personal(_ value: String, of key: String) -> String {
        pseudonymizer.map { $0.pseudonym(key) } ?? value
    }

    func department(_ department: String) -> String {
        departments.label(department)
    }

    static var plain: UserLabels { UserLabels(pseudonymizer: nil, departments: DepartmentGrouping(org: OrgDirectory(), minimumSize: nil)) }
}
