/// What the metrics need of one record, taken out of it by a worker so that the in-order merge
/// only counts: who, when, which app, which thread, which prompts, which agent.
struct RecordFacts: Sendable {
    var userKey: String
    var appHost: String
    var day: Int
    var thread: PairKey
    /// (thread, message id) keys of the record's prompts.
    var prompts: [PairKey]
    var agentId: String
    var agentName: String

    init(userKey: String, appHost: String, day: Int, thread: PairKey, prompts: [PairKey], agentId: String = "", agentName: String = "") {
        self.userKey = userKey
        self.appHost = appHost
        self.day = day
        self.thread = thread
        self.prompts = prompts
        self.agentId = agentId
        self.agentName = agentName
    }

    init(_ record: AuditRecord, userKey: String, timestamp: AuditTimestamp) {
        self.userKey = userKey
        appHost = record.appHost.isEmpty ? UsageAccumulator.unknown : record.string(record.appHost)
        day = timestamp.day
        let threadBytes = record.bytes(record.threadId)
        thread = PairKey(threadBytes, EmptyCollection<UInt8>())
        prompts = record.messages.filter { $0.isPrompt == true }.map { PairKey(threadBytes, record.bytes($0.id)) }
        agentId = record.agentId.isEmpty ? "" : record.string(record.agentId)
        agentName = record.string(record.agentName)
    }
}
