/// What a worker made of a batch: each row's outcome and, for records that may be kept, their
/// rows in the template layout and in every tidy table, already encoded. Rows a merge drops
/// (duplicates) are simply not copied.
struct FlattenedBatch: Sendable {
    enum Outcome: Sendable {
        case skipped(operation: String)
        case quarantined(reason: String, detail: String)
        case candidate(Candidate)
    }

    struct Candidate: Sendable {
        var identity: RecordIdentity
        var facts: RecordFacts
        /// Fields read leniently (names).
        var leniencies: [String]
        /// Rows the templates' wide table would hold for this record.
        var templateRows: Int
    }

    var outcomes: [Outcome] = []
    /// Template-layout rows, then one builder per tidy table (`TidyRowEncoder.tables`).
    var outputs: [CSVRowBuilder]
    /// Per row, the end offset in each of `outputs` after the row.
    var ends: [Int] = []
    /// Per row, the rows added to each tidy table.
    var counts: [Int32] = []

    static var outputCount: Int { 1 + TidyRowEncoder.tables.count }

    /// `capacities`: the expected size of each output, reserved at once (growing a megabyte
    /// buffer by doubling copies it several times).
    init(capacities: [Int]) {
        outputs = capacities.map { capacity in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(capacity)
            return CSVRowBuilder(bytes: bytes)
        }
    }

    /// Where the bytes rows `rows` added to output `output` lie in `outputs[output].bytes`.
    func range(rows: Range<Int>, output: Int) -> Range<Int> {
        let start = rows.lowerBound == 0 ? 0 : ends[(rows.lowerBound - 1) * Self.outputCount + output]
        return start..<ends[(rows.upperBound - 1) * Self.outputCount + output]
    }

    func count(row: Int, table: Int) -> Int {
        Int(counts[row * TidyRowEncoder.tables.count + table])
    }

    mutating func closeRow(tableCounts: [Int]) {
        for output in outputs { ends.append(output.bytes.count) }
        for count in tableCounts { counts.append(Int32(count)) }
    }
}
