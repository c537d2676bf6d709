import Foundation

/// A file being written: bytes go through a large buffer to a temporary name, are hashed
/// (SHA-256, for the report) on the way, and the file appears under its name only on `finish()`.
/// Full buffers are handed, without copying, to a `BackgroundWriter`.
final class OutputFile {
    let url: URL
    private let atomic: AtomicFile
    private let handle: FileHandle
    private let writer: BackgroundWriter
    private var buffer: [UInt8] = []
    private static let flushThreshold = 512 << 10
    private var finished = false

    init(_ url: URL) throws {
        self.url = url
        atomic = AtomicFile(url)
        atomic.discard()
        guard FileManager.default.createFile(atPath: atomic.temporary.path, contents: nil),
              let handle = FileHandle(forWritingAtPath: atomic.temporary.path) else {
            throw CopilotPrepError(file: url.path, "cannot be created; check the output folder is writable")
        }
        self.handle = handle
        writer = BackgroundWriter(descriptor: handle.fileDescriptor, label: url.lastPathComponent, hashing: true)
        buffer.reserveCapacity(Self.flushThreshold + 65536)
    }

    deinit {
        if !finished {
            writer.drain()
            try? handle.close()
            atomic.discard()
        }
    }

    func write<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Appends `storage[range]`, a run of a batch's output: large runs go to the writer as they
    /// are (after what is buffered), small ones are copied.
    func write(_ storage: [UInt8], range: Range<Int>) {
        guard range.count >= Self.flushThreshold / 4 else {
            buffer.append(contentsOf: storage[range])
            if buffer.count >= Self.flushThreshold { flush() }
            return
        }
        flush()
        writer.write(storage, range: range)
    }

    func write(_ byte: UInt8) {
        buffer.append(byte)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    /// Hands the full buffer to the writer (a fresh buffer takes its place: no copy).
    private func flush() {
        guard !buffer.isEmpty else { return }
        let chunk = buffer
        buffer = []
        buffer.reserveCapacity(Self.flushThreshold + 65536)
        writer.write(chunk)
    }

    /// Flushes, closes and renames the file into place; returns its SHA-256 in hex.
    func finish() throws -> String {
        flush()
        let digest = try writer.finish(file: url.path)
        try handle.close()
        try atomic.commit()
        finished = true
        return digest ?? ""
    }
}
