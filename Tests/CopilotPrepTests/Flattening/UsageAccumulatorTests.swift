import Testing
@testable import CopilotPrep

@Suite struct UsageAccumulatorTests {
    private static func key(_ thread: String, _ message: String? = nil) -> PairKey {
        message.map { PairKey(Array(thread.utf8), Array($0.utf8)) } ?? PairKey(Array(thread.utf8), EmptyCollection<UInt8>())
    }

    private static func facts(_ user: String, _ app: String, day: Int, thread: String, prompts: [String]) -> RecordFacts {
        RecordFacts(userKey: user, appHost: app, day: day, thread: key(thread), prompts: prompts.map { key(thread, $0) })
    }

    /// Worked by hand. A prompt counts once, for the first record (in input order) holding it;
    /// a session is a distinct thread with a prompt, per day, user and app (and once overall).
    @Test func distinctCountsAndDailyRowsThroughSpilledPartitions() throws {
        let folder = TemporaryFolder()
        // A 40-byte buffer: every key goes through the work files.
        let usage = UsageAccumulator(workFolder: try WorkFolder(inside: folder.url), spillBufferBytes: 40)
        try usage.add(Self.facts("ann", "Teams", day: 10, thread: "T1", prompts: ["m1"]))
        try usage.add(Self.facts("ann", "Teams", day: 10, thread: "T1", prompts: ["m2"]))  // same session
        try usage.add(Self.facts("ann", "Word", day: 10, thread: "T2", prompts: []))  // no prompt: no session
        try usage.add(Self.facts("bob", "Teams", day: 11, thread: "T1", prompts: ["m1"]))  // (T1, m1) again: ann's
        try usage.add(Self.facts("bob", "Teams", day: 11, thread: "T3", prompts: ["m1", "m1"]))  // repeated within
        try usage.add(Self.facts("ann", "Teams", day: 9, thread: "T4", prompts: ["m9"]))

        let totals = try usage.finish()
        #expect(totals.prompts == 4)  // (T1,m1) (T1,m2) (T3,m1) (T4,m9)
        #expect(totals.repeatedPromptPairs == 2)
        #expect(totals.sessions == 3)  // T1 T3 T4
        let teams = try #require(usage.appNames.firstIndex(of: "Teams"))
        #expect(totals.promptsByApp == [Int32(teams): 4])
        #expect(usage.activeUsers.count == 2 && usage.records == 6)

        var days: [Int: [String]] = [:]
        try usage.forEachDay { day, rows in
            days[day] = rows.map {
                "\(usage.userKeys[Int($0.user)]) \(usage.appNames[Int($0.app)]) p\($0.prompts) s\($0.sessions) r\($0.records)"
            }
        }
        #expect(days == [
            9: ["ann Teams p1 s1 r1"],
            10: ["ann Teams p2 s1 r2", "ann Word p0 s0 r1"],
            11: ["bob Teams p1 s2 r2"],
        ])
    }
}
