import Testing
@testable import CopilotPrep

@Suite struct ByteBufferPoolTests {
    @Test func buffersComeBackEmptyWithTheirCapacityAndTheLimitHolds() {
        let pool = ByteBufferPool(limitBytes: 1 << 20)
        var first = pool.take(capacity: 300 << 10)
        #expect(first.isEmpty && first.capacity >= 300 << 10)
        first.append(contentsOf: repeatElement(7, count: 1000))
        pool.give(first)
        first = []
        let again = pool.take(capacity: 100 << 10)
        #expect(again.isEmpty && again.capacity >= 300 << 10)  // the free one, emptied

        // A shared buffer given back stays intact for its other owner.
        let shared = [UInt8](repeating: 1, count: 200 << 10)
        pool.give(shared)
        var taken = pool.take(capacity: 100 << 10)
        taken.append(2)
        #expect(shared.allSatisfy { $0 == 1 } && taken == [2])

        // Beyond the limit, buffers are simply dropped; tiny ones are never kept.
        for _ in 0..<8 { pool.give([UInt8](repeating: 0, count: 256 << 10)) }
        pool.give([1, 2, 3])
        var kept = 0
        while pool.take(capacity: 0).capacity >= ByteBufferPool.minimumCapacity { kept += 1 }
        #expect(kept <= 4)
    }
}
