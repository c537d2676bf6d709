/// Reads the org-data file into an `OrgDirectory`, accounting for every row.
enum OrgDirectoryReader {
    static func read(_ reader: CSVReader, quarantine: Quarantine, log: inout DiagnosticLog) throws -> OrgDirectory {
        let columns = HeaderMap(reader.header)
        guard let userColumn = columns.index(OrgDirectory.userColumns) else {
            throw CopilotPrepError(file: reader.path, line: reader.line,
                                   "no user column: expected 'userPrincipalName' (or 'User principal name'); the header has \(columns.listed)")
        }
        guard let departmentColumn = columns.index(OrgDirectory.departmentColumns) else {
            throw CopilotPrepError(file: reader.path, line: reader.line,
                                   "no department column: the templates group users by 'department'; include it when you download users from the Entra admin center (the header has \(columns.listed))")
        }
        let displayName = columns.index(OrgDirectory.displayNameColumns)
        let mail = columns.index(OrgDirectory.mailColumns)
        let jobTitle = columns.index(OrgDirectory.jobTitleColumns)
        let country = columns.index(OrgDirectory.countryColumns)
        let userType = columns.index(OrgDirectory.userTypeColumns)
        func value(_ column: Int?) -> String {
            guard let column, column < reader.fieldCount else { return "" }
            return reader.trimmedString(column)
        }

        var directory = OrgDirectory()
        var conflicts = 0, firstConflictLine: Int?, firstDuplicateLine: Int?
        while try reader.nextRow() {
            directory.accounting.read += 1
            let key = UserKey.normalize(value(userColumn))
            guard !key.isEmpty else {
                directory.accounting.quarantined += 1
                quarantine.add(file: reader.path, line: reader.line, reason: "missingUser",
                               detail: "the user principal name is empty", rawRow: reader.rawRow)
                continue
            }
            let person = OrgDirectory.Person(
                key: key, department: value(departmentColumn), displayName: value(displayName), mail: value(mail),
                jobTitle: value(jobTitle), country: value(country), isGuestType: value(userType).lowercased() == "guest")
            if let earlier = directory.add(person) {
                directory.accounting.duplicate += 1
                firstDuplicateLine = firstDuplicateLine ?? reader.line
                if earlier.department != person.department || earlier.displayName != person.displayName {
                    conflicts += 1
                    firstConflictLine = firstConflictLine ?? reader.line
                }
            } else {
                directory.accounting.kept += 1
            }
        }
        if directory.accounting.duplicate > 0 {
            log.add(.warning, "duplicateOrgUser", file: reader.path, line: firstDuplicateLine,
                    "\(directory.accounting.duplicate) user(s) listed more than once; the first row of each is kept")
        }
        if conflicts > 0 {
            log.add(.warning, "conflictingOrgUser", file: reader.path, line: firstConflictLine,
                    "\(conflicts) repeated user(s) have a different department or name than their first row; the first row wins")
        }
        if reader.replacedCharacters > 0 {
            log.add(.warning, "invalidText", file: reader.path,
                    "\(reader.replacedCharacters) invalid byte sequence(s) in \(reader.dialect.encoding.rawValue) text replaced by U+FFFD")
        }
        let camelCase = reader.header.contains("userPrincipalName")
        directory.input = InputSummary(path: reader.path, role: .org, encoding: reader.dialect.encoding.rawValue,
                                       delimiter: reader.dialect.delimiterName,
                                       layout: camelCase ? "Entra (Graph names)" : "friendly names", rows: directory.accounting.read)
        return directory
    }
}
