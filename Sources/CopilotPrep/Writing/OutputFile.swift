import Crypto
import Foundation

/// A file being written: bytes go through a large buffer to a temporary name, are hashed
/// (SHA-256, for the report) on the way, and the file appears under its name only on `finish()`.
final class OutputFile {
    let url: URL
    private let atomic: AtomicFile
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var hasher = SHA256()
    private static let flushThreshold = 1 << 20
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
        buffer.reserveCapacity(Self.flushThreshold + 65536)
    }

    deinit {
        if !finished {
            try? handle.close()
            atomic.discard()
        }
    }

    func write<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    func write(_ byte: UInt8) {
        buffer.append(byte)
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        hasher.update(data: buffer)
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the file into place; returns its SHA-256 in hex.
    func finish() throws -> String {
        flush()
        try handle.close()
        try atomic.commit()
        finished = true
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()  // as SHA256Text.hex
    }
}
