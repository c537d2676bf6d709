import Foundation

/// Rows that could not be used, with where they came from and why; written to `quarantine.csv`
/// when building, only counted when checking.
final class Quarantine {
    static let header = ["File", "Line", "Reason", "Detail", "Row"]
    private let writer: CSVWriter?
    /// Whether the raw row is written (off when pseudonymising: it names people).
    private let keepsRawRows: Bool
    private(set) var count = 0
    private(set) var countByReason: [String: Int] = [:]

    init(writingTo url: URL?, keepsRawRows: Bool = true) throws {
        writer = try url.map { try CSVWriter($0, header: Self.header) }
        self.keepsRawRows = keepsRawRows
    }

    func add(file: String, line: Int, reason: String, detail: String, rawRow: @autoclosure () -> String) {
        count += 1
        countByReason[reason, default: 0] += 1
        guard let writer else { return }
        writer.field(file)
        writer.field(line)
        writer.field(reason)
        writer.field(detail)
        writer.field(keepsRawRows ? rawRow() : "")
        writer.endRow()
    }

    func finish() throws -> OutputSummary? {
        try writer?.finish()
    }
}
