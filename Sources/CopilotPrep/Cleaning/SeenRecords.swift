import Foundation

/// The ids of the records kept so far, to recognise a copy of one in an overlapping export,
/// grouped by the record's day (a copy has the same CreationTime, so the same day).
///
/// Every id must be remembered, which is the one thing in a build that grows with the input.
/// Grouped by day, only the days being read need to be in memory: exports list records in time
/// order, so the ids of the other days are written to the work folder (`budgetBytes` caps the
/// ones kept) and read back when a later export reaches those days again. Should the input jump
/// between days so often that days are read back more than about once per thousand records,
/// the budget doubles instead, trading memory for not thrashing.
final class SeenRecords {
    private var days: [Int: HashKeySet] = [:]
    private var lastUse: [Int: Int] = [:]
    private var clock = 0
    private var residentBytes = 0
    private(set) var budgetBytes: Int
    private let workFolder: WorkFolder
    private var folder: URL { workFolder.url }
    private var written: Set<Int> = []
    /// Days read back since the last thrash check, and inserts since then.
    private var readsBack = 0, insertsSinceCheck = 0
    /// Days read back from the work folder in all.
    private(set) var daysReadBack = 0

    private static let firstCapacity = 1024

    private let thrashCheckInterval: Int

    /// `thrashCheckInterval`: inserts between checks of how often days were read back.
    init(workFolder: WorkFolder, budgetBytes: Int = 4 << 20, thrashCheckInterval: Int = 65_536) {
        self.workFolder = workFolder
        self.budgetBytes = budgetBytes
        self.thrashCheckInterval = thrashCheckInterval
    }

    /// Records `id` as seen on `day`; false when it was seen already (a duplicate).
    func insert(_ id: RecordIdentity, day: Int) throws -> Bool {
        clock += 1
        if days[day] == nil { try bringIn(day) }
        lastUse[day] = clock
        let before = days[day]!.byteSize
        let inserted = days[day]!.insert(id)
        residentBytes += days[day]!.byteSize - before
        if residentBytes > budgetBytes { try evict(keeping: day) }
        checkForThrashing()
        return inserted
    }

    private func bringIn(_ day: Int) throws {
        var set = HashKeySet(capacity: Self.firstCapacity)
        if written.contains(day) {
            let keys = try WorkFolder.values(of: UInt64.self, in: file(day))
            set = HashKeySet(capacity: max(Self.firstCapacity, keys.count / 2))
            for pair in stride(from: 0, to: keys.count - 1, by: 2) { _ = set.insert(high: keys[pair], low: keys[pair + 1]) }
            readsBack += 1
            daysReadBack += 1
        }
        residentBytes += set.byteSize
        days[day] = set
    }

    /// Writes the least recently used days (not `day`) to the work folder until a quarter of
    /// the budget is free again.
    private func evict(keeping day: Int) throws {
        for (candidate, _) in lastUse.sorted(by: { $0.value < $1.value }) where candidate != day {
            guard residentBytes > budgetBytes * 3 / 4, let set = days.removeValue(forKey: candidate) else { break }
            lastUse[candidate] = nil
            let keys = set.keys
            try WorkFolder.write(keys, to: file(candidate))
            written.insert(candidate)
            residentBytes -= set.byteSize
        }
    }

    private func checkForThrashing() {
        insertsSinceCheck += 1
        guard insertsSinceCheck >= thrashCheckInterval else { return }
        if readsBack > thrashCheckInterval / 1024 { budgetBytes *= 2 }
        insertsSinceCheck = 0
        readsBack = 0
    }

    private func file(_ day: Int) -> URL {
        folder.appendingPathComponent("seen-\(day).bin")
    }
}
