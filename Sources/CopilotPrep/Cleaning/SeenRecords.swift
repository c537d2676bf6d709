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
    private var readsBack = 0, insertsSinceCheck = 0
    /// Ids read back from the work folder (for tests and the thrash check).
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
        try checkForThrashing()
        return inserted
    }

    private func bringIn(_ day: Int) throws {
        var set = HashKeySet(capacity: Self.firstCapacity)
        if written.contains(day) {
            let path = file(day).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CopilotPrepError(file: path, "cannot read back a temporary file")
            }
            let keys = data.withUnsafeBytes { raw in
                [UInt64](unsafeUninitializedCapacity: raw.count / 8) { buffer, count in
                    count = raw.count / 8
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<(count * 8)]))
                }
            }
            set = HashKeySet(capacity: max(Self.firstCapacity, keys.count))
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
            let url = file(candidate)
            guard FileManager.default.createFile(atPath: url.path, contents: keys.withUnsafeBytes { Data($0) }) else {
                throw CopilotPrepError(file: url.path, "cannot write a temporary file; check there is free space in the output folder")
            }
            written.insert(candidate)
            residentBytes -= set.byteSize
        }
    }

    private func checkForThrashing() throws {
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
