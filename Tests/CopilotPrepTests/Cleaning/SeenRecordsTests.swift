import Testing
@testable import CopilotPrep

@Suite struct SeenRecordsTests {
    /// Two overlapping "exports" in time order, with room in memory for about two days: the
    /// second export meets days that were written out, and must still recognise every copy.
    @Test func copiesAreRecognisedAfterTheirDayWasWrittenOutAndReadBack() throws {
        let folder = TemporaryFolder()
        let seen = SeenRecords(workFolder: try WorkFolder(inside: folder.url), budgetBytes: 40 << 10)
        var generator = SeededGenerator(seed: 9)
        let records = (0..<3_000).map { index in (RecordIdentity(high: generator.next(), low: generator.next()), index / 100) }
        var reference = Set<RecordIdentity>()
        for (id, day) in records[0..<2_000] {
            let inserted = try seen.insert(id, day: day)
            #expect(inserted == reference.insert(id).inserted)
        }
        for (id, day) in records[1_000...] {  // overlaps days 10 to 19, then new days
            let inserted = try seen.insert(id, day: day)
            #expect(inserted == reference.insert(id).inserted)
        }
        #expect(seen.daysReadBack >= 10)
        #expect(seen.budgetBytes == 40 << 10)  // time order does not thrash
    }

    @Test func inputThatJumpsBetweenDaysGrowsTheBudgetInsteadOfThrashing() throws {
        let folder = TemporaryFolder()
        let seen = SeenRecords(workFolder: try WorkFolder(inside: folder.url), budgetBytes: 40 << 10, thrashCheckInterval: 2_048)
        var generator = SeededGenerator(seed: 4)
        var reference = Set<RecordIdentity>()
        for _ in 0..<5_000 {
            let id = RecordIdentity(high: generator.next() % 3_000, low: 1)
            let inserted = try seen.insert(id, day: Int(id.high % 40))
            #expect(inserted == reference.insert(id).inserted)
        }
        #expect(seen.budgetBytes > 40 << 10)
    }
}
