import Foundation

/// Writes UTF-8 CSV without BOM, `\n` line ends, quoting as `CSVRowEncoder` decides.
final class CSVWriter {
    let file: OutputFile
    private(set) var rows = 0
    private var row = CSVRowBuilder()

    init(_ url: URL, header: [String]) throws {
        file = try OutputFile(url)
        for column in header { row.field(column) }
        row.endRow()
        flushRow()
    }

    var url: URL { file.url }

    func field<C: Collection>(_ bytes: C) where C.Element == UInt8 { row.field(bytes) }
    func field(_ text: String) { row.field(text) }
    func field(_ number: Int) { row.field(number) }
    func field(_ flag: Bool) { row.field(flag) }
    func field(_ flag: Bool?) { row.field(flag) }

    func endRow() {
        row.endRow()
        flushRow()
        rows += 1
    }

    private func flushRow() {
        file.write(row.bytes)
        row.bytes.removeAll(keepingCapacity: true)
    }

    /// Appends `count` already encoded rows, `storage[range]` (each ends with `\n`).
    func encodedRows(_ storage: [UInt8], range: Range<Int>, count: Int) {
        file.write(storage, range: range)
        rows += count
    }

    func finish() throws -> OutputSummary {
        let sha = try file.finish()
        return OutputSummary(path: url.path, rows: rows, sha256: sha)
    }
}
