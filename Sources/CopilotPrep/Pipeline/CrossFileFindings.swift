/// Warnings that only show when the three inputs are seen together.
enum CrossFileFindings {
    /// How many example users a finding names (enough to look one up, not a list of staff).
    static let exampleCount = 3

    static func add(usage: UsageAccumulator, files: [AuditFileStats], licensed: LicensedUserList, org: OrgDirectory,
                    labels: UserLabels, into log: inout DiagnosticLog) {
        let auditUsers = usage.userKeys.filter { !$0.isEmpty }
        let missingFromOrg = auditUsers.filter { org.person($0) == nil }
        if !missingFromOrg.isEmpty {
            log.add(.warning, "userNotInOrgData", file: org.input?.path,
                    "\(missingFromOrg.count) audit user(s) are not in the org data, so they show under (Unknown) department; e.g. \(examples(missingFromOrg, labels))")
        }
        let missingFromLicences = auditUsers.filter { licensed.user($0) == nil }
        if !missingFromLicences.isEmpty {
            log.add(.warning, "userNotInLicenceList", file: licensed.input?.path,
                    "\(missingFromLicences.count) audit user(s) are not in the licensed-user list, so they count as unlicensed; e.g. \(examples(missingFromLicences, labels)); note that the readiness report lists only users active in the past 30 days")
        }
        let guests = auditUsers.filter(UserKey.isGuest)
        if !guests.isEmpty {
            log.add(.info, "guestUsers", "\(guests.count) audit user(s) are guest accounts (#EXT#)")
        }
        if let first = usage.days.min(), let last = usage.days.max(), last - first >= 1 {
            let empty = (first...last).filter { !usage.days.contains($0) }
            if !empty.isEmpty {
                let listed = empty.prefix(5).map(AuditTimestamp.dateText(day:)).joined(separator: ", ")
                log.add(.warning, "daysWithoutRecords",
                        "\(empty.count) day(s) between the first and last record have no records (\(listed)\(empty.count > 5 ? ", ..." : "")): is an export missing?")
            }
        }
        for file in files where [50_000, 100_000, 1_000_000].contains(file.rows) {
            log.add(.warning, "cappedExport", file: file.path,
                    "has exactly \(file.rows) data rows, the size at which Purview cuts a download: it was probably cut; export shorter date ranges")
        }
        let ranged = files.compactMap { file in file.firstDay.map { (file.path, $0, file.lastDay!) } }.sorted { $0.1 < $1.1 }
        var coveredUntil: Int?
        for (path, firstDay, lastDay) in ranged {
            if let covered = coveredUntil, firstDay > covered + 1 {
                log.add(.warning, "exportGap", file: path,
                        "starts on \(AuditTimestamp.dateText(day: firstDay)) but the earlier exports end on \(AuditTimestamp.dateText(day: covered)): the days between are in no file")
            }
            coveredUntil = max(coveredUntil ?? lastDay, lastDay)
        }
    }

    private static func examples(_ keys: [String], _ labels: UserLabels) -> String {
        keys.prefix(exampleCount).map(labels.user).joined(separator: ", ")
            + (keys.count > exampleCount ? " and \(keys.count - exampleCount) more" : "")
    }
}
