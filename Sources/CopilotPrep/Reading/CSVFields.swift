/// One CSV row split into fields by `CSVReader.splitFields`: the decoded values back to back,
/// and where each field lay in the row as written. Reused row after row (capacity is kept), by
/// the reader for the small files and by each worker for audit rows.
struct CSVFields {
    private var values: [UInt8] = []
    private var ends: [Int] = []
    private var rawEnds: [Int] = []
    private var quotedExactly: [Bool] = []

    var count: Int { ends.count }
    /// A row with nothing in it (a blank line).
    var isBlank: Bool { ends.count == 1 && values.isEmpty }

    /// Splits `row` (no line break at its end); false when a quote is left open.
    mutating func split(_ row: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        CSVReader.splitFields(row, delimiter: delimiter, values: &values, ends: &ends, rawEnds: &rawEnds, quotedExactly: &quotedExactly)
    }

    mutating func split(_ row: ArraySlice<UInt8>, delimiter: UInt8) -> Bool {
        row.withUnsafeBufferPointer { split($0, delimiter: delimiter) }
    }

    /// The value of field `index` (empty when the column is absent or the row is short).
    func field(_ index: Int?) -> ArraySlice<UInt8> {
        guard let index, index < ends.count else { return [] }
        return values[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as written in `row` (the row last split), quotes included, when it is quoted
    /// exactly as RFC 4180 (and so `CSVRowEncoder`) quotes; nil otherwise.
    func quotedAsWritten(_ index: Int?, in row: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let index, index < ends.count, quotedExactly[index] else { return nil }
        let start = row.startIndex + (index == 0 ? 0 : rawEnds[index - 1] + 1)
        return row[start..<(row.startIndex + rawEnds[index])]
    }
}
