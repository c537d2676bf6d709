/// Hides small departments (a works-council rule): a department with fewer than `minimumSize`
/// people in the org data is shown as `(small group)`, so no breakdown singles a few people out.
struct DepartmentGrouping: Sendable {
    static let smallGroup = "(small group)"
    private let small: Set<String>

    init(org: OrgDirectory, minimumSize: Int?) {
        guard let minimumSize, minimumSize > 1 else {
            small = []
            return
        }
        var headcount: [String: Int] = [:]
        for person in org.people where !person.department.isEmpty { headcount[person.department, default: 0] += 1 }
        small = Set(headcount.filter { $0.value < minimumSize }.keys)
    }

    func label(_ department: String) -> String {
        small.contains(department) ? Self.smallGroup : department
    }
}
