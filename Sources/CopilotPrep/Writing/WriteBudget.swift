import Foundation

/// Bytes queued for writing across all output files at once, shared by every
/// `BackgroundWriter`: when the disk or the hashing falls behind, the producer waits instead of
/// queueing more, so memory is bounded by this budget and not by how far behind the writers are.
/// A buffer larger than the whole budget is still let through, alone.
final class WriteBudget: @unchecked Sendable {  // @unchecked: `queued` is touched only under `condition`
    static let shared = WriteBudget(limitBytes: 8 << 20)

    private let condition = NSCondition()
    private var queued = 0
    private let limitBytes: Int

    init(limitBytes: Int) {
        self.limitBytes = limitBytes
    }

    /// Waits until `bytes` more fit (or nothing else is queued), then counts them.
    func acquire(_ bytes: Int) {
        condition.lock()
        while queued > 0 && queued + bytes > limitBytes { condition.wait() }
        queued += bytes
        condition.unlock()
    }

    func release(_ bytes: Int) {
        condition.lock()
        queued -= bytes
        condition.broadcast()
        condition.unlock()
    }
}
