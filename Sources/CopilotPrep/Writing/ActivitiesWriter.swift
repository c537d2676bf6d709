import Foundation

/// Writes `Copilot_Activities.csv` in the layout the Microsoft templates read, rows ordered by
/// time. Rows are appended to a spill file in arrival order while only a 24-byte index entry per
/// row stays in memory; `finish()` sorts the index and copies the rows out in time order
/// (arrival order among equal times, so the output does not depend on anything else).
final class ActivitiesWriter {
    static let fileName = "Copilot_Activities.csv"

    private struct Entry {
        var seconds: Int64
        var offset: Int64
        var length: Int32
    }

    private let url: URL
    private let spillURL: URL
    private let spill: FileHandle
    private var spillBuffer: [UInt8] = []
    private var spilled: Int64 = 0
    private var entries: [Entry] = []
    private var row: [UInt8] = []

    init(folder: URL) throws {
        url = folder.appendingPathComponent(Self.fileName)
        spillURL = folder.appendingPathComponent(".copilot-prep-spill-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: spillURL.path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: spillURL.path) else {
            throw CopilotPrepError(file: spillURL.path, "cannot create a temporary file; check the output folder is writable")
        }
        spill = handle
    }

    deinit {
        try? spill.close()
        unlink(spillURL.path)
    }

    /// Adds one record's row: the eight template columns, AuditData unchanged.
    func add(seconds: Int64, fields: [ArraySlice<UInt8>]) {
        row.removeAll(keepingCapacity: true)
        for (index, field) in fields.enumerated() {
            if index > 0 { row.append(UInt8(ascii: ",")) }
            CSVRowEncoder.appendField(field, to: &row)
        }
        row.append(UInt8(ascii: "\n"))
        entries.append(Entry(seconds: seconds, offset: spilled + Int64(spillBuffer.count), length: Int32(row.count)))
        spillBuffer.append(contentsOf: row)
        if spillBuffer.count >= 1 << 22 { flushSpill() }
    }

    private func flushSpill() {
        spill.write(Data(spillBuffer))
        spilled += Int64(spillBuffer.count)
        spillBuffer.removeAll(keepingCapacity: true)
    }

    func finish() throws -> OutputSummary {
        flushSpill()
        entries.sort { $0.seconds != $1.seconds ? $0.seconds < $1.seconds : $0.offset < $1.offset }
        let writer = try CSVWriter(url, header: AuditExportLayout.templateColumns)
        // Rows are read back with pread in index order (through the page cache); mapping the
        // spill file instead would count every page of it as resident memory.
        let descriptor = spill.fileDescriptor
        var row = [UInt8](repeating: 0, count: 1 << 16)
        for entry in entries {
            let length = Int(entry.length)
            if row.count < length { row = [UInt8](repeating: 0, count: length) }
            let read = row.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress!, length, off_t(entry.offset)) }
            guard read == length else {
                throw CopilotPrepError(file: spillURL.path, "cannot read back a temporary file (\(String(cString: strerror(errno))))")
            }
            writer.encodedRow(row[0..<length])
        }
        entries = []
        return try writer.finish()
    }
}
