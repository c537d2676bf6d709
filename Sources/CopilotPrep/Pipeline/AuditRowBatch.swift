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
