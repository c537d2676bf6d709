import Foundation

/// Writes `Copilot_Licensed_Users.csv`: the columns the templates' model has, UPN trimmed and
/// lower-cased, licence exactly `TRUE`/`FALSE` (the templates compare with the text "TRUE").
enum LicensedUsersWriter {
    static let fileName = "Copilot_Licensed_Users.csv"
    static let header = ["User Principal Name", "Has license", "Report Refresh Date"]

    static func write(_ list: LicensedUserList, folder: URL, labels: UserLabels = .plain) throws -> OutputSummary {
        let writer = try CSVWriter(folder.appendingPathComponent(fileName), header: header)
        for user in list.users {
            writer.field(labels.user(user.key))
            writer.field(user.hasLicense)
            writer.field(user.reportRefreshDate)
            writer.endRow()
        }
        return try writer.finish()
    }
}
