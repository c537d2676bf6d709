import Testing
@testable import CopilotPrep

@Suite struct HashKeySetTests {
    @Test func remembersEveryIdAcrossGrowthLikeASet() {
        var compact = HashKeySet(capacity: 16)
        var reference = Set<RecordIdentity>()
        var generator = SeededGenerator(seed: 7)
        // Sequential GUID-like ids (few differing bits) and random ones, each offered twice.
        let ids = (0..<5_000).map { RecordIdentity(high: 0xAAAA_0000_0000_0000, low: UInt64($0)) }
            + (0..<5_000).map { _ in RecordIdentity(high: generator.next(), low: generator.next()) }
        for id in ids + ids.reversed() {
            let inserted = compact.insert(id)
            let expected = reference.insert(id).inserted
            #expect(inserted == expected)
        }
        #expect(compact.count == reference.count && compact.count == 10_000)
    }

    @Test func theAllZeroIdIsAnIdLikeAnyOther() {
        var set = HashKeySet()
        let zero = RecordIdentity(high: 0, low: 0)
        let first = set.insert(zero), second = set.insert(zero), other = set.insert(RecordIdentity(high: 0, low: 1))
        #expect(first && !second && other)
        #expect(set.count == 2)
    }
}
