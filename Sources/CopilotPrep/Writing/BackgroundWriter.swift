import Crypto
import Dispatch
import Foundation

/// Writes buffers to a file descriptor on a serial background queue (hashing them on the way if
/// asked), so disk writes and hashing overlap with parsing. At most `buffersInFlight` buffers
/// wait per file, and the memory they hold counts against the shared `WriteBudget`, which keeps
/// memory flat; `finish()` waits for all of them.
// @unchecked: `hasher` and `failure` are touched only on `queue`, and read after `queue.sync`.
final class BackgroundWriter: @unchecked Sendable {
    private let descriptor: Int32
    private let queue: DispatchQueue
    private let slots: DispatchSemaphore
    private var hasher: SHA256?
    private var failure: String?

    init(descriptor: Int32, label: String, hashing: Bool, buffersInFlight: Int = 2) {
        self.descriptor = descriptor
        queue = DispatchQueue(label: "copilot-prep.write.\(label)")
        slots = DispatchSemaphore(value: buffersInFlight)
        hasher = hashing ? SHA256() : nil
    }

    /// Queues `chunk` for writing; blocks while too many buffers are waiting.
    func write(_ chunk: [UInt8]) {
        write(chunk, range: chunk.indices)
    }

    /// Queues `storage[range]` (a run of a batch's output, not copied).
    func write(_ storage: [UInt8], range: Range<Int>) {
        // What the queued write keeps alive is the whole buffer it is a run of.
        let held = storage.capacity
        slots.wait()
        WriteBudget.shared.acquire(held)
        queue.async { [self] in
            defer {
                WriteBudget.shared.release(held)
                slots.signal()
            }
            guard failure == nil else { return }
            storage[range].withUnsafeBytes { bytes in
                hasher?.update(bufferPointer: bytes)
                var written = 0
                while written < bytes.count {
                    let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else {
                        failure = String(cString: strerror(errno))
                        return
                    }
                    written += count
                }
            }
        }
    }

    /// Waits for every queued buffer; returns the SHA-256 (hex) when hashing, or throws the
    /// first write failure.
    func finish(file: String) throws -> String? {
        let (digest, failure) = queue.sync { (hasher?.finalize(), self.failure) }
        if let failure {
            throw CopilotPrepError(file: file, "cannot be written (\(failure)); check free disk space")
        }
        return digest.map(SHA256Text.hex)
    }

    /// Waits for queued buffers without reporting (cleanup after another failure).
    func drain() {
        queue.sync {}
    }
}
