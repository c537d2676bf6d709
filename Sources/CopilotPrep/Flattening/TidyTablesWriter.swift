import Foundation

/// Writes the tidy tables into `<out>/tables/`: the per-record fact tables as records stream
/// by, the dimensions and aggregates at the end. One row per thing, so nothing is multiplied.
final class TidyTablesWriter {
    private var writers: [TidyTable: CSVWriter] = [:]
    let folder: URL
    private let labels: UserLabels

    static let streamed: [TidyTable] = [.interactions, .messages, .resources, .contexts, .plugins, .models]

    init(folder: URL, labels: UserLabels = .plain) throws {
        self.folder = folder
        self.labels = labels
        for table in Self.streamed { writers[table] = try CSVWriter(folder.appendingPathComponent(table.fileName), header: table.columns) }
    }

    private func writer(_ table: TidyTable) -> CSVWriter { writers[table]! }

    /// Appends rows encoded by `TidyRowEncoder` to one of the streamed tables: `storage[range]`.
    func append(_ table: TidyTable, _ storage: [UInt8], range: Range<Int>, count: Int) {
        writer(table).encodedRows(storage, range: range, count: count)
    }

    /// Writes the dimension and aggregate tables and closes everything; returns a summary per table.
    func finish(usage: UsageAccumulator, licensed: LicensedUserList, org: OrgDirectory,
                accounting: [(InputSummary.Role, RowAccounting)]) throws -> [TidyTable: OutputSummary] {
        var summaries: [TidyTable: OutputSummary] = [:]
        for table in Self.streamed { summaries[table] = try writer(table).finish() }
        summaries[.users] = try writeUsers(usage: usage, licensed: licensed, org: org)
        summaries[.agents] = try writeAgents(usage: usage)
        summaries[.dailyActivity] = try writeDailyActivity(usage: usage)
        summaries[.dataQuality] = try writeDataQuality(accounting)
        return summaries
    }

    private func open(_ table: TidyTable) throws -> CSVWriter {
        try CSVWriter(folder.appendingPathComponent(table.fileName), header: table.columns)
    }

    /// Every user seen in any input, sorted by key.
    private func writeUsers(usage: UsageAccumulator, licensed: LicensedUserList, org: OrgDirectory) throws -> OutputSummary {
        var keys = Set(usage.userKeys)
        keys.formUnion(org.people.map(\.key))
        keys.formUnion(licensed.users.map(\.key))
        let writer = try open(.users)
        for key in keys.sorted(by: { labels.user($0) < labels.user($1) }) {
            let person = org.person(key)
            let licence = licensed.user(key)
            writer.field(labels.user(key))
            writer.field(labels.isPseudonymizing ? "" : person?.displayName ?? "")
            let department = labels.department(person?.department ?? "")
            writer.field(department.isEmpty ? UsageAccumulator.unknown : department)
            writer.field(person?.jobTitle ?? "")
            writer.field(person?.country ?? "")
            writer.field(licence?.hasLicense == true)
            writer.field(person != nil)
            writer.field(licence != nil)
            writer.field(UserKey.isGuest(key) || person?.isGuestType == true)
            writer.endRow()
        }
        return try writer.finish()
    }

    private func writeAgents(usage: UsageAccumulator) throws -> OutputSummary {
        let writer = try open(.agents)
        for id in usage.agentOrder.sorted() {
            let agent = usage.agents[id]!
            writer.field(id)
            writer.field(agent.name)
            writer.field(agent.kind)
            writer.endRow()
        }
        return try writer.finish()
    }

    /// One row per day, user and app, day by day (the accumulator reads back one day at a time),
    /// sorted by user label and app name within a day.
    private func writeDailyActivity(usage: UsageAccumulator) throws -> OutputSummary {
        let writer = try open(.dailyActivity)
        let users = usage.userKeys.map(labels.user)
        // Ranks computed once, so rows sort on integers rather than comparing strings.
        let userRank = Self.ranks(users), appRank = Self.ranks(usage.appNames)
        try usage.forEachDay { day, rows in
            let date = AuditTimestamp.dateText(day: day)
            let sorted = rows.sorted {
                (userRank[Int($0.user)], appRank[Int($0.app)]) < (userRank[Int($1.user)], appRank[Int($1.app)])
            }
            for row in sorted {
                writer.field(date)
                writer.field(users[Int(row.user)])
                writer.field(usage.appNames[Int(row.app)])
                writer.field(row.prompts)
                writer.field(row.sessions)
                writer.field(row.records)
                writer.endRow()
            }
        }
        return try writer.finish()
    }

    /// Each value's position in the sorted list.
    private static func ranks(_ values: [String]) -> [Int] {
        var ranks = [Int](repeating: 0, count: values.count)
        for (rank, index) in values.indices.sorted(by: { values[$0] < values[$1] }).enumerated() { ranks[index] = rank }
        return ranks
    }

    private func writeDataQuality(_ accounting: [(InputSummary.Role, RowAccounting)]) throws -> OutputSummary {
        let writer = try open(.dataQuality)
        for (role, counts) in accounting {
            var outcomes = [("read", counts.read), ("kept", counts.kept), ("duplicate", counts.duplicate),
                            ("quarantined", counts.quarantined)]
            if let skipped = counts.skippedOperation { outcomes.append(("skippedOperation", skipped)) }
            for (outcome, rows) in outcomes {
                writer.field(role.rawValue)
                writer.field(outcome)
                writer.field(rows)
                writer.endRow()
            }
        }
        return try writer.finish()
    }
}
