import Foundation

/// Writes `Copilot_Activities.csv` in the layout the Microsoft templates read, one row per kept
/// record in input order (files in the order given, rows in file order), so the file streams
/// straight to disk. Power BI does not depend on row order; sorting by time would mean a second
/// copy of the largest output on disk and an index in memory that grows with the input.
final class ActivitiesWriter {
    static let fileName = "Copilot_Activities.csv"

    private let writer: CSVWriter

    init(folder: URL) throws {
        writer = try CSVWriter(folder.appendingPathComponent(Self.fileName), header: AuditExportLayout.templateColumns)
    }

    /// Adds `count` records' rows, already encoded in the template layout: `storage[range]`
    /// (each ends with `\n`).
    func add(_ storage: [UInt8], range: Range<Int>, count: Int) {
        writer.encodedRows(storage, range: range, count: count)
    }

    func finish() throws -> OutputSummary {
        try writer.finish()
    }
}
