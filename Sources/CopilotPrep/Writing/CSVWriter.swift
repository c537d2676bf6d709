import Foundation

/// Writes UTF-8 CSV without BOM, `\n` line ends, quoting as `CSVRowEncoder` decides.
final class CSVWriter {
    let file: OutputFile
    private(set) var rows = 0
    private var fieldIndex = 0
    private var rowBuffer: [UInt8] = []

    init(_ url: URL, header: [String]) throws {
        file = try OutputFile(url)
        for column in header { field(column) }
        endRowWithoutCounting()
    }

    var url: URL { file.url }

    /// Appends one field of the current row.
    func field<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        if fieldIndex > 0 { rowBuffer.append(UInt8(ascii: ",")) }
        fieldIndex += 1
        CSVRowEncoder.appendField(bytes, to: &rowBuffer)
    }

    func field(_ text: String) {
        var text = text
        text.withUTF8 { field($0) }
    }

    func field(_ number: Int) {
        field(String(number))
    }

    func field(_ flag: Bool) {
        field(flag ? "TRUE" : "FALSE")
    }

    /// An optional flag: `TRUE`, `FALSE` or empty.
    func field(_ flag: Bool?) {
        if let flag { field(flag) } else { field("") }
    }

    func endRow() {
        endRowWithoutCounting()
        rows += 1
    }

    private func endRowWithoutCounting() {
        rowBuffer.append(UInt8(ascii: "\n"))
        file.write(rowBuffer)
        rowBuffer.removeAll(keepingCapacity: true)
        fieldIndex = 0
    }

    /// Appends an already encoded row (its bytes end with `\n`).
    func encodedRow<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        file.write(bytes)
        rows += 1
    }

    func finish() throws -> OutputSummary {
        let sha = try file.finish()
        return OutputSummary(path: url.path, rows: rows, sha256: sha)
    }
}
