import Dispatch
import Foundation

/// Accumulates, record by record, everything the metrics and the aggregate tables need.
///
/// What the tenant bounds stays in memory: interned user and app names, agents, days, active
/// users. What grows with the input (a key per prompt, per session, per record-day) is spilled
/// to the work folder in partitions and reduced one partition at a time in `finish()`, so
/// memory stays flat however many months of audit log a build reads.
final class UsageAccumulator {
    struct Agent { var name: String; var kind: String }
    /// A user's use of one app on one day (a row of daily_activity, before labels).
    struct DailyRow { var user: Int32; var app: Int32; var prompts = 0; var sessions = 0; var records = 0 }
    /// The distinct counts, known once every record is in.
    struct Totals {
        var prompts = 0
        var sessions = 0
        /// Prompt pairs found in more than one record (counted once).
        var repeatedPromptPairs = 0
        var promptsByApp: [Int32: Int] = [:]
    }

    /// A prompt (thread, message id) of a kept record, with the record's place in input order:
    /// the first record holding a prompt is the one it counts for.
    private struct PromptEvent { var pair: PairKey; var sequence: Int; var day: Int32; var user: Int32; var app: Int32 }
    /// Something that happened on a day: a kept record (which may have prompts, then its thread
    /// is a session of the day) or a distinct prompt counted there.
    private struct DailyEvent { var user: Int32; var app: Int32; var kind: DailyEventKind; var thread: PairKey }
    private enum DailyEventKind: UInt8 {
        case record, recordWithPrompt, prompt
    }

    /// Partitions of the prompt and thread keys: each is 1/64 of them when read back.
    private static let hashPartitions = 64

    private(set) var userKeys: [String] = []
    private var userIndex: [String: Int32] = [:]
    private(set) var appNames: [String] = []
    private var appIndex: [String: Int32] = [:]

    private(set) var records = 0
    private(set) var activeUsers = Set<Int32>()
    private(set) var days = Set<Int>()
    private(set) var agents: [String: Agent] = [:]
    private(set) var agentOrder: [String] = []

    private let prompts: PartitionedSpill<PromptEvent>
    private let promptThreads: PartitionedSpill<PairKey>
    private let dailyEvents: PartitionedSpill<DailyEvent>
    private var totals: Totals?
    /// Held so the folder (removed when released) lives as long as the spilled keys.
    private let workFolder: WorkFolder

    static let unknown = "(Unknown)"

    /// `workFolder`: where the spilled keys go; `spillBufferBytes`: memory for keys not yet
    /// written, per kind of key.
    init(workFolder: WorkFolder, spillBufferBytes: Int = 1 << 20) {
        self.workFolder = workFolder
        prompts = PartitionedSpill(folder: workFolder.url, name: "prompts", bufferBytes: spillBufferBytes)
        promptThreads = PartitionedSpill(folder: workFolder.url, name: "threads", bufferBytes: spillBufferBytes)
        dailyEvents = PartitionedSpill(folder: workFolder.url, name: "day", bufferBytes: spillBufferBytes)
    }

    func user(_ key: String) -> Int32 {
        if let index = userIndex[key] { return index }
        let index = Int32(userKeys.count)
        userKeys.append(key)
        userIndex[key] = index
        return index
    }

    private func app(_ name: String) -> Int32 {
        if let index = appIndex[name] { return index }
        let index = Int32(appNames.count)
        appNames.append(name)
        appIndex[name] = index
        return index
    }

    /// Adds one kept record.
    func add(_ facts: RecordFacts) throws {
        precondition(totals == nil, "a record added after finish()")
        let sequence = records
        records += 1
        let user = user(facts.userKey)
        let app = app(facts.appHost)
        days.insert(facts.day)

        if !facts.agentId.isEmpty {
            if agents[facts.agentId] == nil {
                agents[facts.agentId] = Agent(name: facts.agentName, kind: AgentKind.classify(agentId: facts.agentId, agentName: facts.agentName))
                agentOrder.append(facts.agentId)
            } else if agents[facts.agentId]!.name.isEmpty && !facts.agentName.isEmpty {
                agents[facts.agentId]!.name = facts.agentName
            }
        }

        let day = Int32(facts.day)
        for pair in facts.prompts {
            try prompts.append(PromptEvent(pair: pair, sequence: sequence, day: day, user: user, app: app),
                               to: Self.partition(pair))
        }
        let hasPrompts = !facts.prompts.isEmpty
        if hasPrompts {
            activeUsers.insert(user)
            try promptThreads.append(facts.thread, to: Self.partition(facts.thread))
        }
        try dailyEvents.append(DailyEvent(user: user, app: app, kind: hasPrompts ? .recordWithPrompt : .record, thread: facts.thread),
                               to: facts.day)
    }

    private static func partition(_ key: PairKey) -> Int { Int(key.high % UInt64(hashPartitions)) }

    /// Reduces the spilled prompt and thread keys into the distinct counts (once). A partition
    /// comes back in the order its keys were added, so the first time a prompt is met is the
    /// first record (in input order) that holds it.
    @discardableResult
    func finish() throws -> Totals {
        if let totals { return totals }
        var totals = Totals()
        try Self.inWindows(of: prompts.partitions, read: prompts.values(of:), reduce: Self.distinctPrompts) { reduced in
            totals.prompts += reduced.prompts
            totals.repeatedPromptPairs += reduced.repeated
            totals.promptsByApp.merge(reduced.byApp, uniquingKeysWith: +)
            for (day, event) in reduced.daily { try dailyEvents.append(event, to: Int(day)) }
        }
        try Self.inWindows(of: promptThreads.partitions, read: promptThreads.values(of:), reduce: Self.distinctCount) {
            totals.sessions += $0
        }
        self.totals = totals
        return totals
    }

    /// What one partition of prompt keys reduces to.
    private struct PromptPartition {
        var prompts = 0, repeated = 0
        var byApp: [Int32: Int] = [:]
        /// The day's `.prompt` event of each distinct prompt, where its first record was.
        var daily: [(day: Int32, event: DailyEvent)] = []
    }

    private static func distinctPrompts(_ events: [PromptEvent]) -> PromptPartition {
        var result = PromptPartition()
        var seen = HashKeySet(capacity: events.count)
        for event in events {
            guard seen.insert(event.pair) else {
                result.repeated += 1
                continue
            }
            result.prompts += 1
            result.byApp[event.app, default: 0] += 1
            result.daily.append((event.day, DailyEvent(user: event.user, app: event.app, kind: .prompt, thread: event.pair)))
        }
        return result
    }

    private static func distinctCount(_ keys: [PairKey]) -> Int {
        var seen = HashKeySet(capacity: keys.count)
        return keys.reduce(0) { count, key in seen.insert(key) ? count + 1 : count }
    }

    /// Each day with activity, in order, with its rows by user and app (in order first met).
    func forEachDay(_ body: (_ day: Int, _ rows: [DailyRow]) throws -> Void) throws {
        try finish()
        let days = dailyEvents.partitions
        var next = 0
        try Self.inWindows(of: days, read: dailyEvents.values(of:), reduce: Self.dailyRows) { rows in
            try body(days[next], rows)
            next += 1
        }
    }

    private static func dailyRows(_ events: [DailyEvent]) -> [DailyRow] {
        var rows: [DailyRow] = []
        var rowIndex: [UInt64: Int] = [:]
        var sessions = HashKeySet(capacity: events.count)
        for event in events {
            let userApp = UInt64(UInt32(bitPattern: event.user)) << 32 | UInt64(UInt32(bitPattern: event.app))
            let index: Int
            if let known = rowIndex[userApp] {
                index = known
            } else {
                index = rows.count
                rowIndex[userApp] = index
                rows.append(DailyRow(user: event.user, app: event.app))
            }
            switch event.kind {
            case .record:
                rows[index].records += 1
            case .recordWithPrompt:
                rows[index].records += 1
                // A session of the day is a distinct thread with a prompt, per user and app.
                let mixed = userApp &* 0x9E37_79B9_7F4A_7C15
                if sessions.insert(high: event.thread.high ^ mixed, low: event.thread.low ^ userApp) {
                    rows[index].sessions += 1
                }
            case .prompt:
                rows[index].prompts += 1
            }
        }
        return rows
    }

    /// Reads partitions a few at a time (one per core and as many again), reduces each window
    /// on all cores, and hands the results over in partition order: the reductions at the end of
    /// a build then take a fraction of the time, and memory holds one window, not every partition.
    private static func inWindows<Value: Sendable, Reduced: Sendable>(
        of partitions: [Int], read: (Int) throws -> [Value], reduce: @escaping @Sendable ([Value]) -> Reduced,
        consume: (Reduced) throws -> Void
    ) throws {
        let width = 2 * ProcessInfo.processInfo.activeProcessorCount
        for start in stride(from: 0, to: partitions.count, by: width) {
            let inputs = try partitions[start..<min(start + width, partitions.count)].map(read)
            var results = [Reduced?](repeating: nil, count: inputs.count)
            results.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots  // each iteration writes its own slot
                DispatchQueue.concurrentPerform(iterations: inputs.count) { index in slots[index] = reduce(inputs[index]) }
            }
            for result in results { try consume(result!) }
        }
    }

    /// The report's metrics, given who is licensed and which department each user is in.
    func metrics(licensed: LicensedUserList, org: OrgDirectory, labels: UserLabels = .plain) throws -> UsageMetrics {
        let totals = try finish()
        var metrics = UsageMetrics()
        metrics.records = records
        metrics.prompts = totals.prompts
        metrics.activeUsers = activeUsers.count
        metrics.sessions = totals.sessions
        metrics.licensedUsers = licensed.users.filter(\.hasLicense).count
        for (app, count) in totals.promptsByApp { metrics.promptsByApp[appNames[Int(app)]] = count }
        for user in activeUsers {
            let key = userKeys[Int(user)]
            if licensed.user(key)?.hasLicense == true { metrics.licensedActiveUsers += 1 }
            let department = labels.department(org.person(key)?.department ?? "")
            metrics.activeUsersByDepartment[department.isEmpty ? Self.unknown : department, default: 0] += 1
        }
        if let first = days.min(), let last = days.max() {
            metrics.firstDay = AuditTimestamp.dateText(day: first)
            metrics.lastDay = AuditTimestamp.dateText(day: last)
        }
        return metrics
    }
}
