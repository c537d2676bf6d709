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
    private let spillWriter: BackgroundWriter
    private static let spillChunk = 1 << 22
    private var spillBuffer: [UInt8] = []
    private var spilled: Int64 = 0
    private var entries: [Entry] = []

    init(folder: URL) throws {
        url = folder.appendingPathComponent(Self.fileName)
        spillURL = folder.appendingPathComponent(".copilot-prep-spill-\(ProcessInfo.processInfo.processIdentifier)")
        guard FileManager.default.createFile(atPath: spillURL.path, contents: nil),
              let handle = FileHandle(forUpdatingAtPath: spillURL.path) else {
            throw CopilotPrepError(file: spillURL.path, "cannot create a temporary file; check the output folder is writable")
        }
        spill = handle
        spillWriter = BackgroundWriter(descriptor: handle.fileDescriptor, label: "spill", hashing: false)
    }

    deinit {
        spillWriter.drain()
        try? spill.close()
        unlink(spillURL.path)
    }

    /// Adds one record's row, already encoded in the template layout (ends with `\n`).
    func add<C: Collection>(seconds: Int64, encodedRow: C) throws where C.Element == UInt8 {
        entries.append(Entry(seconds: seconds, offset: spilled + Int64(spillBuffer.count), length: Int32(encodedRow.count)))
        spillBuffer.append(contentsOf: encodedRow)
        if spillBuffer.count >= Self.spillChunk { try flushSpill() }
    }

    /// Hands the spill buffer to the background writer (a fresh one takes its place).
    private func flushSpill() throws {
        guard !spillBuffer.isEmpty else { return }
        spilled += Int64(spillBuffer.count)
        spillWriter.write(spillBuffer)
        spillBuffer = []
        spillBuffer.reserveCapacity(Self.spillChunk + 65536)
    }

    func finish() throws -> OutputSummary {
        try flushSpill()
        _ = try spillWriter.finish(file: spillURL.path)
        entries.sort { $0.seconds != $1.seconds ? $0.seconds < $1.seconds : $0.offset < $1.offset }
        let writer = try CSVWriter(url, header: AuditExportLayout.templateColumns)
        // Rows are read back with pread in index order (through the page cache), straight into
        // the output's buffer; mapping the spill file instead would count it as resident memory.
        for entry in entries {
            try writer.encodedRow(from: spill.fileDescriptor, offset: entry.offset, length: Int(entry.length))
        }
        entries = []
        return try writer.finish()
    }
}
