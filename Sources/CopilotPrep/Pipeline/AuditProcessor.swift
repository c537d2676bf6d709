import Dispatch
import Foundation

/// Decides the fate of every audit row (kept, duplicate, quarantined or skipped) and feeds each
/// kept record to the metrics, the tidy tables and the template-layout writer.
///
/// The reading thread cuts the CSV into batches; workers (`AuditBatchFlattener`, one batch each,
/// on every core) parse AuditData and encode all output rows; this thread merges the batches
/// strictly in input order: de-duplication, counting and copying bytes. Order never depends on
/// the number of cores, so outputs are identical byte for byte on any machine.
final class AuditProcessor {
    private(set) var accounting = RowAccounting(countsSkippedOperations: true)
    private(set) var rowsInTemplateLayout = 0
    private(set) var files: [AuditFileStats] = []
    let usage: UsageAccumulator
    private let activities: ActivitiesWriter?
    private let tables: TidyTablesWriter?
    private let quarantine: Quarantine
    private let labels: UserLabels
    private let seen: SeenRecords
    private var skippedOperations: [String: Int] = [:]
    private var leniencies: [String: (count: Int, file: String, line: Int)] = [:]
    private var leniencyOrder: [String] = []
    /// Sizes of the last merged batch's outputs and input, to size the next batch's buffers.
    private var lastOutputSizes: [Int] = []
    private var lastInputSize = 0

    /// Batches being flattened at once: enough to keep every core busy, few enough to keep
    /// memory flat (each is about `AuditRowBatch.targetBytes` in and out).
    private static let batchesInFlight = ProcessInfo.processInfo.activeProcessorCount + 1

    init(usage: UsageAccumulator, activities: ActivitiesWriter?, tables: TidyTablesWriter?, quarantine: Quarantine,
         labels: UserLabels = .plain, workFolder: WorkFolder) {
        seen = SeenRecords(workFolder: workFolder)
        self.usage = usage
        self.activities = activities
        self.tables = tables
        self.quarantine = quarantine
        self.labels = labels
    }

    /// A batch on its way through a worker.
    private final class Pending: @unchecked Sendable {
        let batch: AuditRowBatch
        let done = DispatchGroup()
        var result: FlattenedBatch?  // written by the worker before `done` is left

        init(_ batch: AuditRowBatch) {
            self.batch = batch
        }
    }

    /// Processes every row of one export.
    func process(_ reader: CSVReader, layout: AuditExportLayout, log: inout DiagnosticLog,
                 progress: ((_ bytesOfThisFile: Int64) -> Void)? = nil) throws {
        var stats = AuditFileStats(path: reader.path)
        let flattener = AuditBatchFlattener(layout: layout, delimiter: reader.dialect.delimiter, labels: labels)
        var pending: [Pending] = []
        var reported: Int64 = 0

        while let rows = try reader.nextRowBlock(targetBytes: AuditRowBatch.targetBytes) {
            let item = Pending(AuditRowBatch(rows: rows, outputCapacities: outputCapacities(input: rows.bytes.count)))
            item.done.enter()
            DispatchQueue.global().async {
                item.result = flattener.flatten(item.batch)
                item.done.leave()
            }
            pending.append(item)
            if pending.count >= Self.batchesInFlight {
                try merge(pending.removeFirst(), file: reader.path, stats: &stats, log: &log)
            }
            if let progress, reader.bytesRead - reported >= 8 << 20 {
                reported = reader.bytesRead
                progress(reported)
            }
        }
        while !pending.isEmpty { try merge(pending.removeFirst(), file: reader.path, stats: &stats, log: &log) }
        progress?(reader.bytesRead)
        if reader.replacedCharacters > 0 {
            log.add(.warning, "invalidText", file: reader.path,
                    "\(reader.replacedCharacters) invalid byte sequence(s) in \(reader.dialect.encoding.rawValue) text replaced by U+FFFD")
        }
        files.append(stats)
    }

    /// Merges a flattened batch, in row order. The output bytes of kept rows lie back to back in
    /// the batch between duplicates, so they are written in runs: a batch with no duplicate
    /// goes to each writer in one piece.
    private func merge(_ item: Pending, file: String, stats: inout AuditFileStats, log: inout DiagnosticLog) throws {
        item.done.wait()
        let batch = item.batch, result = item.result!
        var runStart = 0
        var runRows = [Int](repeating: 0, count: FlattenedBatch.outputCount)
        func writeRun(upTo end: Int) {
            defer { runStart = end + 1 }
            guard end > runStart else { return }
            activities?.add(result.outputs[0].bytes, range: result.range(rows: runStart..<end, output: 0), count: runRows[0])
            if let tables {
                for (index, table) in TidyRowEncoder.tables.enumerated() {
                    tables.append(table, result.outputs[index + 1].bytes, range: result.range(rows: runStart..<end, output: index + 1),
                                  count: runRows[index + 1])
                }
            }
            for index in runRows.indices { runRows[index] = 0 }
        }
        for row in 0..<batch.rowCount {
            stats.rows += 1
            accounting.read += 1
            switch result.outcomes[row] {
            case .skipped(let operation):
                accounting.skippedOperation! += 1
                skippedOperations[operation, default: 0] += 1
            case .quarantined(let reason, let detail):
                accounting.quarantined += 1
                quarantine.add(file: file, line: batch.lines[row], reason: reason, detail: detail,
                               rawRow: String(decoding: batch.rawRow(row), as: UTF8.self))
                log.add(.warning, reason, file: file, line: batch.lines[row], "row quarantined: \(detail)")
            case .candidate(let candidate):
                stats.saw(day: candidate.facts.day)
                guard try seen.insert(candidate.identity, day: candidate.facts.day) else {
                    accounting.duplicate += 1
                    writeRun(upTo: row)  // the run ends before this row, the next starts after it
                    continue
                }
                accounting.kept += 1
                note(candidate.leniencies, file: file, line: batch.lines[row])
                try usage.add(candidate.facts)
                rowsInTemplateLayout += candidate.templateRows
                runRows[0] += 1
                for table in 0..<TidyRowEncoder.tables.count { runRows[table + 1] += result.count(row: row, table: table) }
            }
        }
        writeRun(upTo: batch.rowCount)
        lastOutputSizes = result.outputs.map { $0.bytes.count }
        lastInputSize = batch.rows.bytes.count
    }

    /// The expected size of each output of a batch of `input` bytes.
    private func outputCapacities(input: Int) -> [Int] {
        guard !lastOutputSizes.isEmpty, lastInputSize > 0 else {
            return [input + (64 << 10)] + [Int](repeating: 256 << 10, count: FlattenedBatch.outputCount - 1)
        }
        // In proportion to the input, with an eighth more as slack.
        return lastOutputSizes.map { Int(Double($0) * Double(input) / Double(lastInputSize) * 1.125) + (16 << 10) }
    }

    private func note(_ fields: [String], file: String, line: Int) {
        for name in fields {
            if leniencies[name] == nil {
                leniencies[name] = (0, file, line)
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
}
