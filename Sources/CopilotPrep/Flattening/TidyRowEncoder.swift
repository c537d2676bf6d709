/// Encodes the tidy rows of one kept record (interactions, messages, resources, contexts,
/// plugins, models) as CSV bytes, one builder per table. Runs on the workers, so the in-order
/// merge only copies bytes.
struct TidyRowEncoder: Sendable {
    let labels: UserLabels

    /// The tables, in the order of the builders.
    static let tables = TidyTablesWriter.streamed

    /// Appends the record's rows to `builders[base...]` (one per table in `tables`, mutated in
    /// place: a copy of a builder would copy its whole buffer); returns the rows added to each.
    func encode(_ record: AuditRecord, recordId: ArraySlice<UInt8>, userKey: String, timestamp: AuditTimestamp,
                into builders: inout [CSVRowBuilder], base: Int) -> [Int] {
        // Through a buffer pointer: each field would otherwise check that the array of builders
        // is uniquely referenced, dozens of times per record.
        builders.withUnsafeMutableBufferPointer { builders in
            encode(record, recordId: recordId, userKey: userKey, timestamp: timestamp, into: builders, base: base)
        }
    }

    private func encode(_ record: AuditRecord, recordId: ArraySlice<UInt8>, userKey: String, timestamp: AuditTimestamp,
                        into builders: UnsafeMutableBufferPointer<CSVRowBuilder>, base: Int) -> [Int] {
        // Values are read through pointers into the record's arena and the row: an ArraySlice
        // per value costs a retain and a release, and there are dozens of values per record.
        record.arena.withUnsafeBufferPointer { arena in
            recordId.withUnsafeBufferPointer { recordId in
                encode(record, TextValues(arena: arena, labels: labels), recordId: recordId, userKey: userKey,
                       timestamp: timestamp, into: builders, base: base)
            }
        }
    }

    /// The record's text values as byte runs of its arena.
    private struct TextValues {
        let arena: UnsafeBufferPointer<UInt8>
        let labels: UserLabels

        subscript(_ ref: AuditRecord.TextRef) -> UnsafeBufferPointer<UInt8> {
            ref.count > 0 ? UnsafeBufferPointer(rebasing: arena[Int(ref.start)..<Int(ref.start + ref.count)]) : UnsafeBufferPointer(start: nil, count: 0)
        }

        /// A free-text value; when pseudonymising, through the scrubber (URLs and file names can
        /// name people).
        func write(_ ref: AuditRecord.TextRef, to builder: inout CSVRowBuilder) {
            if labels.isPseudonymizing {
                builder.field(labels.text(String(decoding: self[ref], as: UTF8.self)))
            } else {
                builder.field(self[ref])
            }
        }
    }

    private func encode(_ record: AuditRecord, _ text: TextValues, recordId: UnsafeBufferPointer<UInt8>, userKey: String,
                        timestamp: AuditTimestamp, into builders: UnsafeMutableBufferPointer<CSVRowBuilder>, base: Int) -> [Int] {
        builders[base].field(recordId)
        builders[base].plainField { timestamp.appendText(to: &$0) }
        builders[base].plainField { AuditTimestamp.appendDate(day: timestamp.day, to: &$0) }
        builders[base].field(labels.user(userKey))
        if record.appHost.isEmpty { builders[base].field(UsageAccumulator.unknown) } else { builders[base].field(text[record.appHost]) }
        text.write(record.threadId, to: &builders[base])
        text.write(record.workload, to: &builders[base])
        text.write(record.agentId, to: &builders[base])
        text.write(record.agentName, to: &builders[base])
        text.write(record.appIdentity, to: &builders[base])
        text.write(record.applicationName, to: &builders[base])
        text.write(record.clientRegion, to: &builders[base])
        builders[base].field(record.promptCount)
        builders[base].field(record.responseCount)
        builders[base].field(record.resources.count)
        builders[base].field(record.usesWebSearch)
        builders[base].endRow()

        let thread = text[record.threadId]
        for message in record.messages {
            builders[base + 1].field(recordId)
            builders[base + 1].field(thread)
            builders[base + 1].field(text[message.id])
            builders[base + 1].field(message.isPrompt == true)
            builders[base + 1].field(message.jailbreakDetected)
            builders[base + 1].field(message.xpiaDetected)
            builders[base + 1].endRow()
        }
        for resource in record.resources {
            builders[base + 2].field(recordId)
            text.write(resource.id, to: &builders[base + 2])
            text.write(resource.name, to: &builders[base + 2])
            text.write(resource.type, to: &builders[base + 2])
            text.write(resource.action, to: &builders[base + 2])
            text.write(resource.siteUrl, to: &builders[base + 2])
            text.write(resource.sensitivityLabelId, to: &builders[base + 2])
            text.write(resource.policyDetails, to: &builders[base + 2])
            builders[base + 2].endRow()
        }
        for context in record.contexts {
            builders[base + 3].field(recordId)
            text.write(context.id, to: &builders[base + 3])
            builders[base + 3].field(text[context.type])
            builders[base + 3].endRow()
        }
        for plugin in record.plugins {
            builders[base + 4].field(recordId)
            builders[base + 4].field(text[plugin.id])
            builders[base + 4].field(text[plugin.name])
            builders[base + 4].field(text[plugin.version])
            builders[base + 4].endRow()
        }
        for model in record.models {
            builders[base + 5].field(recordId)
            builders[base + 5].field(text[model])
            builders[base + 5].endRow()
        }
        return [1, record.messages.count, record.resources.count, record.contexts.count, record.plugins.count, record.models.count]
    }
}
