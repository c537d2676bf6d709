import Foundation

/// Reads the licensed-user file into a `LicensedUserList`, accounting for every row.
enum LicensedUserReader {
    static func read(_ reader: CSVReader, quarantine: Quarantine, log: inout DiagnosticLog) throws -> LicensedUserList {
        let columns = HeaderMap(reader.header)
        guard let userColumn = columns.index(LicensedUserList.userColumns) else {
            throw CopilotPrepError(file: reader.path, line: reader.line,
                                   "no user column: expected 'User Principal Name' (or userPrincipalName, Username); the header has \(columns.listed)")
        }
        let licenceColumn = columns.index(LicensedUserList.licenceColumns)
        let productsColumn = columns.index(LicensedUserList.assignedProductsColumns)
        guard licenceColumn != nil || productsColumn != nil else {
            throw CopilotPrepError(file: reader.path, line: reader.line,
                                   "no licence column: expected 'Has Copilot license assigned' (or Has license, HasCopilotLicense, Assigned Products); the header has \(columns.listed)")
        }
        let refreshColumn = columns.index(LicensedUserList.refreshDateColumns)

        var list = LicensedUserList()
        var concealed = 0
        var firstDuplicateLine: Int?
        while try reader.nextRow() {
            list.accounting.read += 1
            let upn = userColumn < reader.fieldCount ? reader.string(userColumn) : ""
            let key = UserKey.normalize(upn)
            guard !key.isEmpty else {
                list.accounting.quarantined += 1
                quarantine.add(file: reader.path, line: reader.line, reason: "missingUser",
                               detail: "the user column is empty", rawRow: reader.rawRow)
                continue
            }
            let hasLicense: Bool
            if let licenceColumn {
                let text = licenceColumn < reader.fieldCount ? reader.string(licenceColumn) : ""
                guard let value = LicensedUserList.licenceValue(text) else {
                    list.accounting.quarantined += 1
                    quarantine.add(file: reader.path, line: reader.line, reason: "unknownLicenceValue",
                                   detail: "licence value is not TRUE/FALSE, Yes/No or 1/0", rawRow: reader.rawRow)
                    log.add(.warning, "unknownLicenceValue", file: reader.path, line: reader.line,
                            "licence value is not TRUE/FALSE, Yes/No or 1/0; row quarantined")
                    continue
                }
                hasLicense = value
            } else {
                hasLicense = reader.string(productsColumn!).uppercased().contains("COPILOT")
            }
            if Self.looksConcealed(upn) { concealed += 1 }
            let refresh = refreshColumn.flatMap { $0 < reader.fieldCount ? reader.trimmedString($0) : nil } ?? ""
            if list.add(.init(key: key, hasLicense: hasLicense, reportRefreshDate: refresh)) {
                list.accounting.kept += 1
            } else {
                list.accounting.duplicate += 1
                firstDuplicateLine = firstDuplicateLine ?? reader.line
            }
        }
        if list.accounting.duplicate > 0 {
            log.add(.warning, "duplicateLicensedUser", file: reader.path, line: firstDuplicateLine,
                    "\(list.accounting.duplicate) user(s) listed more than once; kept once each, licensed if any row says so",
                    count: 1)
        }
        if concealed > 0 && concealed * 2 >= list.accounting.kept {
            log.add(.warning, "concealedUserNames", file: reader.path,
                    "user names are concealed (32-character hashes), so this file can never join the audit log and every user would show as unlicensed; in the Microsoft 365 admin center open Settings > Org settings > Reports, clear 'Display concealed user, group, and site names in all reports', and export again")
        }
        if reader.replacedCharacters > 0 {
            log.add(.warning, "invalidText", file: reader.path,
                    "\(reader.replacedCharacters) invalid byte sequence(s) in \(reader.dialect.encoding.rawValue) text replaced by U+FFFD")
        }
        list.input = InputSummary(path: reader.path, role: .licensed, encoding: reader.dialect.encoding.rawValue,
                                  delimiter: reader.dialect.delimiterName,
                                  layout: licenceColumn != nil ? "licence column" : "assigned products",
                                  rows: list.accounting.read)
        return list
    }

    /// Reports with "concealed names" on replace user names with 32 hexadecimal characters.
    static func looksConcealed(_ upn: String) -> Bool {
        let trimmed = upn.trimmingCharacters(in: .whitespaces)
        return trimmed.utf8.count == 32 && trimmed.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
