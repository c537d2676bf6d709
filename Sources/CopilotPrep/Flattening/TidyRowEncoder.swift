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
        builders[base].field(recordId)
        builders[base].plainField { timestamp.appendText(to: &$0) }
        builders[base].plainField { AuditTimestamp.appendDate(day: timestamp.day, to: &$0) }
        builders[base].field(labels.user(userKey))
        builders[base].field(record.appHost.isEmpty ? UsageAccumulator.unknown : record.string(record.appHost))
        for text in [record.threadId, record.workload, record.agentId, record.agentName, record.appIdentity,
                     record.applicationName, record.clientRegion] {
            field(&builders[base], record, text)
        }
        builders[base].field(record.promptCount)
        builders[base].field(record.responseCount)
        builders[base].field(record.resources.count)
        builders[base].field(record.usesWebSearch)
        builders[base].endRow()

        let thread = record.bytes(record.threadId)
        for message in record.messages {
            builders[base + 1].field(recordId)
            builders[base + 1].field(thread)
            builders[base + 1].field(record.bytes(message.id))
            builders[base + 1].field(message.isPrompt == true)
            builders[base + 1].field(message.jailbreakDetected)
            builders[base + 1].field(message.xpiaDetected)
            builders[base + 1].endRow()
        }
        for resource in record.resources {
            builders[base + 2].field(recordId)
            for text in [resource.id, resource.name, resource.type, resource.action, resource.siteUrl,
                         resource.sensitivityLabelId, resource.policyDetails] {
                field(&builders[base + 2], record, text)
            }
            builders[base + 2].endRow()
        }
        for context in record.contexts {
            builders[base + 3].field(recordId)
            field(&builders[base + 3], record, context.id)
            builders[base + 3].field(record.bytes(context.type))
            builders[base + 3].endRow()
        }
        for plugin in record.plugins {
            builders[base + 4].field(recordId)
            builders[base + 4].field(record.bytes(plugin.id))
            builders[base + 4].field(record.bytes(plugin.name))
            builders[base + 4].field(record.bytes(plugin.version))
            builders[base + 4].endRow()
        }
        for model in record.models {
            builders[base + 5].field(recordId)
            builders[base + 5].field(record.bytes(model))
            builders[base + 5].endRow()
        }
        return [1, record.messages.count, record.resources.count, record.contexts.count, record.plugins.count, record.models.count]
    }

    /// A text value of the record; when pseudonymising, through the scrubber (URLs and file names
    /// can name people).
    private func field(_ builder: inout CSVRowBuilder, _ record: AuditRecord, _ text: AuditRecord.TextRef) {
        if labels.isPseudonymizing {
            builder.field(labels.text(record.string(text)))
        } else {
            builder.field(record.bytes(text))
        }
    }
}
