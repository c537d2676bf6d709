/// Accumulates, record by record, everything the metrics and the aggregate tables need, in
/// compact form: interned user and app names, 128-bit keys for distinct counts.
final class UsageAccumulator {
    struct DailyKey: Hashable { var day: Int32; var user: Int32; var app: Int32 }
    struct DailyCounts { var records = 0; var prompts = 0; var sessions = 0 }
    struct DailyThread: Hashable { var daily: DailyKey; var thread: PairKey }
    struct Agent { var name: String; var kind: String }

    private(set) var userKeys: [String] = []
    private var userIndex: [String: Int32] = [:]
    private(set) var appNames: [String] = []
    private var appIndex: [String: Int32] = [:]

    private(set) var records = 0
    private var promptPairs = Set<PairKey>()
    private var promptThreads = Set<PairKey>()
    private(set) var activeUsers = Set<Int32>()
    private var promptsByApp: [Int32: Int] = [:]
    private(set) var daily: [DailyKey: DailyCounts] = [:]
    private var dailyThreads = Set<DailyThread>()
    private(set) var days = Set<Int>()
    private(set) var agents: [String: Agent] = [:]
    private(set) var agentOrder: [String] = []
    /// Prompt pairs found in more than one record (counted once).
    private(set) var repeatedPromptPairs = 0

    static let unknown = "(Unknown)"

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
    func add(_ facts: RecordFacts) {
        records += 1
        let user = user(facts.userKey)
        let app = app(facts.appHost)
        days.insert(facts.day)
        let dailyKey = DailyKey(day: Int32(facts.day), user: user, app: app)
        daily[dailyKey, default: DailyCounts()].records += 1

        if !facts.agentId.isEmpty {
            if agents[facts.agentId] == nil {
                agents[facts.agentId] = Agent(name: facts.agentName, kind: AgentKind.classify(agentId: facts.agentId, agentName: facts.agentName))
                agentOrder.append(facts.agentId)
            } else if agents[facts.agentId]!.name.isEmpty && !facts.agentName.isEmpty {
                agents[facts.agentId]!.name = facts.agentName
            }
        }

        for prompt in facts.prompts {
            if promptPairs.insert(prompt).inserted {
                promptsByApp[app, default: 0] += 1
                daily[dailyKey]!.prompts += 1
            } else {
                repeatedPromptPairs += 1
            }
        }
        if !facts.prompts.isEmpty {
            activeUsers.insert(user)
            promptThreads.insert(facts.thread)
            if dailyThreads.insert(DailyThread(daily: dailyKey, thread: facts.thread)).inserted {
                daily[dailyKey]!.sessions += 1
            }
        }
    }

    /// The report's metrics, given who is licensed and which department each user is in.
    func metrics(licensed: LicensedUserList, org: OrgDirectory, labels: UserLabels = .plain) -> UsageMetrics {
        var metrics = UsageMetrics()
        metrics.records = records
        metrics.prompts = promptPairs.count
        metrics.activeUsers = activeUsers.count
        metrics.sessions = promptThreads.count
        metrics.licensedUsers = licensed.users.filter(\.hasLicense).count
        for (app, count) in promptsByApp { metrics.promptsByApp[appNames[Int(app)]] = count }
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
