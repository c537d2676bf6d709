import Foundation

/// Large byte buffers given back after use and taken again: the read blocks, the workers'
/// encoded rows and the write buffers of a build are then allocated a few times, not once per
/// batch. Allocating and freeing megabyte buffers on different threads is what made the
/// allocator keep memory it no longer used (peak memory drifting upward over a long build).
///
/// Best effort and always safe: a buffer given back while still shared is copied on write by
/// whoever takes it next, and the pool holds at most `limitBytes`.
final class ByteBufferPool: @unchecked Sendable {  // @unchecked: `free` is touched only under `lock`
    static let shared = ByteBufferPool(limitBytes: 8 << 20)

    private let lock = NSLock()
    private var free: [[UInt8]] = []
    private var freeBytes = 0
    private let limitBytes: Int
    /// Buffers smaller than this are not worth keeping.
    static let minimumCapacity = 64 << 10

    init(limitBytes: Int) {
        self.limitBytes = limitBytes
    }

    /// An empty buffer that can hold at least `capacity` bytes without growing, if one is free:
    /// the smallest such, else the largest free one, else a new one.
    func take(capacity: Int) -> [UInt8] {
        var buffer: [UInt8]? = nil
        lock.lock()
        var best: Int?
        for (index, candidate) in free.enumerated() {
            guard let chosen = best else { best = index; continue }
            let fits = candidate.capacity >= capacity, chosenFits = free[chosen].capacity >= capacity
            if fits && (!chosenFits || candidate.capacity < free[chosen].capacity)
                || !fits && !chosenFits && candidate.capacity > free[chosen].capacity {
                best = index
            }
        }
        if let best {
            buffer = free.remove(at: best)
            freeBytes -= buffer!.capacity
        }
        lock.unlock()
        guard var reused = buffer else {
            var fresh: [UInt8] = []
            fresh.reserveCapacity(capacity)
            return fresh
        }
        reused.removeAll(keepingCapacity: true)
        if reused.capacity < capacity { reused.reserveCapacity(capacity) }
        return reused
    }

    /// Gives `buffer` back for reuse (its contents are dropped when it is taken).
    func give(_ buffer: [UInt8]) {
        let capacity = buffer.capacity
        guard capacity >= Self.minimumCapacity else { return }
        lock.lock()
        defer { lock.unlock() }
        guard freeBytes + capacity <= limitBytes else { return }
        free.append(buffer)
        freeBytes += capacity
    }
}
