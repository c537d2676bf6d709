/// A run of raw audit rows (decoded to UTF-8) taken from the reader, so workers can split and
/// parse them in parallel while the reader moves on. The reader only finds where rows end.
struct AuditRowBatch: Sendable {
    var rows: CSVRowBlock
    /// The expected size of each output (from the batch before), so its buffer fits at once.
    var outputCapacities: [Int]
    var rowCount: Int { rows.rowCount }
    var lines: [Int] { rows.lines }

    static let targetBytes = 2 << 20

    /// The raw row as it appears in the file.
    func rawRow(_ row: Int) -> ArraySlice<UInt8> {
        rows.row(row)
    }
}

/// One row of a batch split into fields, addressed by the layout's columns.
struct AuditRowFields {
    var values: [UInt8] = []
    var ends: [Int] = []
    private var raw: ArraySlice<UInt8> = []
    private var rawEnds: [Int] = []
    private var quotedExactly: [Bool] = []

    /// Splits `raw`; false when a quote is left open (the row then ends the file).
    mutating func split(_ raw: ArraySlice<UInt8>, delimiter: UInt8) -> Bool {
        self.raw = raw
        return raw.withUnsafeBufferPointer {
            CSVReader.splitFields($0, delimiter: delimiter, values: &values, ends: &ends, rawEnds: &rawEnds, quotedExactly: &quotedExactly)
        }
    }

    /// The value of column `index` (empty when the column is absent or the row is short).
    func field(_ index: Int?) -> ArraySlice<UInt8> {
        guard let index, index < ends.count else { return [] }
        return values[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Column `index` as written in the file, quotes included, when it is quoted exactly as
    /// RFC 4180 (and so as `CSVRowEncoder`) would quote it; nil otherwise.
    func quotedAsWritten(_ index: Int?) -> ArraySlice<UInt8>? {
        guard let index, index < ends.count, quotedExactly[index] else { return nil }
        let start = raw.startIndex + (index == 0 ? 0 : rawEnds[index - 1] + 1)
        return raw[start..<(raw.startIndex + rawEnds[index])]
    }
}
