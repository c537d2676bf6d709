/// Runs on a worker: decides what each row of a batch is (another operation, unusable, or a
/// record that may be kept) and encodes every output row of the records, so that the in-order
/// merge only de-duplicates, counts and copies bytes.
struct AuditBatchFlattener: Sendable {
    let layout: AuditExportLayout
    let delimiter: UInt8
    let labels: UserLabels

    static let copilotInteraction = "CopilotInteraction"
    /// Excel cuts a cell at this many UTF-16 code units.
    static let excelCellLimit = 32_767

    func flatten(_ batch: AuditRowBatch) -> FlattenedBatch {
        var result = FlattenedBatch(capacities: batch.outputCapacities)
        var record = AuditRecord()
        var fields = CSVFields()
        let encoder = TidyRowEncoder(labels: labels)
        let noRows = [Int](repeating: 0, count: TidyRowEncoder.tables.count)
        for row in 0..<batch.rowCount {
            let raw = batch.rawRow(row)
            _ = fields.split(raw, delimiter: delimiter)
            let outcome = flatten(fields, row: raw, record: &record, encoder: encoder, into: &result)
            if case .candidate = outcome {} else { result.closeRow(tableCounts: noRows) }
            result.outcomes.append(outcome)
        }
        return result
    }

    private func flatten(_ fields: CSVFields, row: ArraySlice<UInt8>, record: inout AuditRecord, encoder: TidyRowEncoder,
                         into result: inout FlattenedBatch) -> FlattenedBatch.Outcome {
        let operation = Self.trimmed(fields.field(layout.operation))
        if !operation.isEmpty && !Self.equalsIgnoringCase(operation, Self.copilotInteraction) {
            return .skipped(operation: String(decoding: operation, as: UTF8.self))
        }
        let auditData = fields.field(layout.auditData)
        guard !auditData.isEmpty else { return .quarantined(reason: "missingAuditData", detail: "the AuditData cell is empty") }
        let failure: JSONScanner.Failure? = auditData.withUnsafeBufferPointer { json in
            do throws(JSONScanner.Failure) {
                try AuditDataParser.parse(json, into: &record)
                return nil
            } catch {
                return error
            }
        }
        if let failure {
            let length = Self.utf16Length(auditData)
            if failure.endedEarly && length == Self.excelCellLimit {
                return .quarantined(reason: "truncatedAuditData", detail: "AuditData was cut at 32,767 characters (Excel's cell limit), so its JSON is incomplete; export again from Purview and do not open and save the file in Excel")
            }
            if failure.endedEarly {
                return .quarantined(reason: "incompleteAuditData", detail: "AuditData ends before its JSON is complete (\(length) characters)")
            }
            return .quarantined(reason: "invalidAuditData", detail: "AuditData is not valid JSON (\(failure.reason) at character \(failure.offset + 1))")
        }
        if operation.isEmpty {
            let fromJSON = record.bytes(record.operation)
            if !Self.equalsIgnoringCase(fromJSON, Self.copilotInteraction) {
                return .skipped(operation: fromJSON.isEmpty ? "(none)" : String(decoding: fromJSON, as: UTF8.self))
            }
        }
        var id = Self.trimmed(fields.field(layout.recordId))
        if id.isEmpty { id = record.bytes(record.id) }
        guard !id.isEmpty else { return .quarantined(reason: "missingRecordId", detail: "neither a RecordId column nor an AuditData Id") }
        guard let timestamp = AuditTimestamp(iso: record.bytes(record.creationTime)) else {
            return .quarantined(reason: "missingCreationTime", detail: "AuditData has no valid CreationTime (expected YYYY-MM-DDTHH:MM:SS)")
        }

        var userId = record.bytes(record.userId)
        if userId.isEmpty { userId = Self.trimmed(fields.field(layout.userId)) }
        let userKey = UserKey.normalize(bytes: userId)
        appendTemplateRow(fields, row: row, record: record, id: id, userKey: userKey, timestamp: timestamp, into: &result.outputs[0])
        let counts = encoder.encode(record, recordId: id, userKey: userKey, timestamp: timestamp,
                                    into: &result.outputs, base: 1)
        result.closeRow(tableCounts: counts)

        var templateRows = 1
        for length in [record.resources.count, record.contexts.count, record.plugins.count, record.models.count,
                       record.messages.count, record.messageIdCount] {
            templateRows *= max(1, length)
        }
        return .candidate(.init(identity: RecordIdentity(id),
                                facts: RecordFacts(record, userKey: userKey, timestamp: timestamp),
                                leniencies: record.leniencies.map { "\($0)" }, templateRows: templateRows))
    }

    /// The record in the templates' 8-column layout; AuditData as read (or scrubbed of people).
    private func appendTemplateRow(_ fields: CSVFields, row: ArraySlice<UInt8>, record: AuditRecord, id: ArraySlice<UInt8>,
                                   userKey: String, timestamp: AuditTimestamp, into builder: inout CSVRowBuilder) {
        var recordType = Self.trimmed(fields.field(layout.recordType))
        if recordType.isEmpty, let number = record.recordType { recordType = ArraySlice(String(number).utf8) }
        var operation = Self.trimmed(fields.field(layout.operation))
        if operation.isEmpty { operation = record.bytes(record.operation) }
        var user = fields.field(layout.userId)
        if user.isEmpty { user = record.bytes(record.userId) }
        var auditData = fields.field(layout.auditData)
        if let pseudonymizer = labels.pseudonymizer {
            // The row's user and the people inside AuditData are replaced; the JSON was valid above.
            let pseudonym = pseudonymizer.pseudonym(userKey)
            user = ArraySlice(pseudonym.utf8)
            pseudonymizer.register(users: [userKey])
            let scrubber = AuditDataScrubber(pseudonymizer: pseudonymizer)
            if let scrubbed = try? auditData.withUnsafeBufferPointer({ json in try scrubber.scrub(json, userPseudonym: pseudonym) }) {
                auditData = ArraySlice(scrubbed)
            }
        }
        builder.field(id)
        builder.plainField { timestamp.appendText(to: &$0) }
        builder.field(recordType)
        builder.field(operation)
        builder.field(user)
        if !labels.isPseudonymizing, let written = fields.quotedAsWritten(layout.auditData, in: row),
           auditData.withUnsafeBufferPointer({ CSVRowEncoder.needsQuotes($0, delimiter: UInt8(ascii: ",")) }) {
            // The encoder would quote it, and quoted it is written exactly as the encoder writes
            // (inner quotes doubled): copy it instead of encoding the largest cell again.
            builder.encodedField(written)
        } else {
            builder.field(auditData)
        }
        builder.field(fields.field(layout.adminUnits))
        builder.field(fields.field(layout.adminUnitNames))
        builder.endRow()
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
