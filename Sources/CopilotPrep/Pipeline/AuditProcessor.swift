/// Decides the fate of every audit row (kept, duplicate, quarantined or skipped) and feeds each
/// kept record to the metrics, the tidy tables and the template-layout writer.
final class AuditProcessor {
    private(set) var accounting = RowAccounting(countsSkippedOperations: true)
    private(set) var rowsInTemplateLayout = 0
    private(set) var files: [AuditFileStats] = []
    /// Users of kept records by key, in the order first seen.
    let usage: UsageAccumulator
    private let activities: ActivitiesWriter?
    private let tables: TidyTablesWriter?
    private let quarantine: Quarantine
    private let labels: UserLabels
    private var seen = Set<RecordIdentity>()
    private var record = AuditRecord()
    private var skippedOperations: [String: Int] = [:]
    private var leniencies: [String: (count: Int, file: String, line: Int)] = [:]
    private var leniencyOrder: [String] = []

    static let copilotInteraction = "CopilotInteraction"
    /// Excel cuts a cell at this many UTF-16 code units.
    static let excelCellLimit = 32_767

    init(usage: UsageAccumulator, activities: ActivitiesWriter?, tables: TidyTablesWriter?, quarantine: Quarantine,
         labels: UserLabels = .plain) {
        self.labels = labels
        self.usage = usage
        self.activities = activities
        self.tables = tables
        self.quarantine = quarantine
    }

    /// Processes every row of one export.
    func process(_ reader: CSVReader, layout: AuditExportLayout, log: inout DiagnosticLog,
                 progress: ((_ bytesOfThisFile: Int64) -> Void)? = nil) throws {
        var stats = AuditFileStats(path: reader.path)
        var reported: Int64 = 0
        while try reader.nextRow() {
            stats.rows += 1
            accounting.read += 1
            processRow(reader, layout: layout, stats: &stats, log: &log)
            if let progress, reader.bytesRead - reported >= 8 << 20 {
                reported = reader.bytesRead
                progress(reported)
            }
        }
        progress?(reader.bytesRead)
        if reader.replacedCharacters > 0 {
            log.add(.warning, "invalidText", file: reader.path,
                    "\(reader.replacedCharacters) invalid byte sequence(s) in \(reader.dialect.encoding.rawValue) text replaced by U+FFFD")
        }
        files.append(stats)
    }

    private func column(_ reader: CSVReader, _ index: Int?) -> ArraySlice<UInt8> {
        guard let index, index < reader.fieldCount else { return [] }
        return reader.field(index)
    }

    private func quarantineRow(_ reader: CSVReader, _ reason: String, _ detail: String, log: inout DiagnosticLog) {
        accounting.quarantined += 1
        quarantine.add(file: reader.path, line: reader.line, reason: reason, detail: detail, rawRow: reader.rawRow)
        log.add(.warning, reason, file: reader.path, line: reader.line, "row quarantined: \(detail)")
    }

    private func processRow(_ reader: CSVReader, layout: AuditExportLayout, stats: inout AuditFileStats, log: inout DiagnosticLog) {
        let operation = Self.trimmed(column(reader, layout.operation))
        if !operation.isEmpty && !Self.equalsIgnoringCase(operation, Self.copilotInteraction) {
            skip(String(decoding: operation, as: UTF8.self), reader: reader, log: &log)
            return
        }
        guard layout.auditData < reader.fieldCount, !reader.field(layout.auditData).isEmpty else {
            quarantineRow(reader, "missingAuditData", "the AuditData cell is empty", log: &log)
            return
        }
        let parsed: JSONScanner.Failure? = reader.withField(layout.auditData) { json in
            do throws(JSONScanner.Failure) {
                try AuditDataParser.parse(json, into: &record)
                return nil
            } catch {
                return error
            }
        }
        if let failure = parsed {
            let length = Self.utf16Length(reader.field(layout.auditData))
            if failure.endedEarly && length == Self.excelCellLimit {
                quarantineRow(reader, "truncatedAuditData",
                              "AuditData was cut at 32,767 characters (Excel's cell limit), so its JSON is incomplete; export again from Purview and do not open and save the file in Excel",
                              log: &log)
            } else if failure.endedEarly {
                quarantineRow(reader, "incompleteAuditData", "AuditData ends before its JSON is complete (\(length) characters)", log: &log)
            } else {
                quarantineRow(reader, "invalidAuditData", "AuditData is not valid JSON (\(failure.reason) at character \(failure.offset + 1))", log: &log)
            }
            return
        }
        if operation.isEmpty {
            let fromJSON = record.bytes(record.operation)
            if !Self.equalsIgnoringCase(fromJSON, Self.copilotInteraction) {
                skip(fromJSON.isEmpty ? "(none)" : String(decoding: fromJSON, as: UTF8.self), reader: reader, log: &log)
                return
            }
        }
        var id = Self.trimmed(column(reader, layout.recordId))
        if id.isEmpty { id = record.bytes(record.id) }
        guard !id.isEmpty else {
            quarantineRow(reader, "missingRecordId", "neither a RecordId column nor an AuditData Id", log: &log)
            return
        }
        guard let timestamp = AuditTimestamp(iso: record.bytes(record.creationTime)) else {
            quarantineRow(reader, "missingCreationTime", "AuditData has no valid CreationTime (expected YYYY-MM-DDTHH:MM:SS)", log: &log)
            return
        }
        stats.saw(day: timestamp.day)
        guard seen.insert(RecordIdentity(id)).inserted else {
            accounting.duplicate += 1
            return
        }
        accounting.kept += 1
        noteLeniencies(reader)
        keep(reader, layout: layout, id: id, timestamp: timestamp)
    }

    private func keep(_ reader: CSVReader, layout: AuditExportLayout, id: ArraySlice<UInt8>, timestamp: AuditTimestamp) {
        var userId = record.bytes(record.userId)
        if userId.isEmpty { userId = Self.trimmed(column(reader, layout.userId)) }
        let userKey = UserKey.normalize(bytes: userId)
        usage.add(record, userKey: userKey, timestamp: timestamp)
        let recordId = String(decoding: id, as: UTF8.self)
        tables?.add(record, recordId: recordId, userKey: userKey, timestamp: timestamp)
        var product = 1
        for length in [record.resources.count, record.contexts.count, record.plugins.count, record.models.count,
                       record.messages.count, record.messageIdCount] {
            product *= max(1, length)
        }
        rowsInTemplateLayout += product

        guard let activities else { return }
        var recordType = Self.trimmed(column(reader, layout.recordType))
        if recordType.isEmpty, let number = record.recordType { recordType = ArraySlice(String(number).utf8) }
        var operation = Self.trimmed(column(reader, layout.operation))
        if operation.isEmpty { operation = record.bytes(record.operation) }
        var csvUser = column(reader, layout.userId)
        if csvUser.isEmpty { csvUser = record.bytes(record.userId) }
        var auditData = reader.field(layout.auditData)
        if let pseudonymizer = labels.pseudonymizer {
            // The row's user and the people inside AuditData are replaced; the JSON was valid above.
            let pseudonym = pseudonymizer.pseudonym(userKey)
            csvUser = ArraySlice(pseudonym.utf8)
            pseudonymizer.register(users: [userKey])
            let scrubber = AuditDataScrubber(pseudonymizer: pseudonymizer)
            if let scrubbed = try? reader.withField(layout.auditData, { json in try scrubber.scrub(json, userPseudonym: pseudonym) }) {
                auditData = ArraySlice(scrubbed)
            }
        }
        activities.add(seconds: timestamp.seconds, fields: [
            id, ArraySlice(timestamp.text.utf8), recordType, operation, csvUser, auditData,
            column(reader, layout.adminUnits), column(reader, layout.adminUnitNames),
        ])
    }

    private func skip(_ operation: String, reader: CSVReader, log: inout DiagnosticLog) {
        accounting.skippedOperation! += 1
        skippedOperations[operation, default: 0] += 1
    }

    private func noteLeniencies(_ reader: CSVReader) {
        for field in record.leniencies {
            let name = "\(field)"
            if leniencies[name] == nil {
                leniencies[name] = (0, reader.path, reader.line)
                leniencyOrder.append(name)
            }
            leniencies[name]!.count += 1
        }
    }

    /// Findings that summarise the whole audit input.
    func summarize(into log: inout DiagnosticLog) {
        if !skippedOperations.isEmpty {
            let list = skippedOperations.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) (\($0.value))" }.joined(separator: ", ")
            log.add(.info, "skippedOperation",
                    "\(accounting.skippedOperation ?? 0) row(s) of other operations skipped: \(list); only CopilotInteraction is used")
        }
        for name in leniencyOrder {
            let entry = leniencies[name]!
            log.add(.info, "unexpectedFieldType", file: entry.file, line: entry.line,
                    "AuditData field \(name) had an unexpected JSON type in \(entry.count) record(s); read leniently")
        }
        if accounting.duplicate > 0 {
            log.add(.info, "duplicateRecord",
                    "\(accounting.duplicate) row(s) repeated a record already read (overlapping exports); each record is kept once")
        }
    }

    // MARK: Byte helpers

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    static func equalsIgnoringCase<C: Collection>(_ bytes: C, _ text: String) -> Bool where C.Element == UInt8 {
        bytes.count == text.utf8.count && zip(bytes, text.utf8).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }

    /// Length in UTF-16 code units (what Excel counts) of UTF-8 bytes.
    static func utf16Length(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { count, byte in
            if byte & 0xC0 == 0x80 { return count }
            return count + (byte >= 0xF0 ? 2 : 1)
        }
    }
}
