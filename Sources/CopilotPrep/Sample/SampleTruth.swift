import Foundation

/// What a correct build must report for a sample, worked out from the generator's own records
/// (never by reading the files back). Rows are read file by file in the order of `files`; the
/// first intact copy of a record id is kept, later intact copies are duplicates, copies whose
/// AuditData Excel cut are quarantined, and rows of other operations are skipped.
public struct SampleTruth: Sendable, Codable, Equatable {
    public struct File: Sendable, Codable, Equatable {
        public var name: String
        public var rows: Int
    }

    public var seed: UInt64
    public var files: [File] = []
    public var licensedFile = ""
    public var orgFile = ""
    public var auditRead = 0
    public var records = 0
    public var duplicate = 0
    public var quarantined = 0
    public var skippedOperation = 0
    public var prompts = 0
    public var activeUsers = 0
    public var sessions = 0
    public var licensedActiveUsers = 0
    public var promptsByApp: [String: Int] = [:]
    public var firstDay: String?
    public var lastDay: String?
    public var licensedRows = 0
    public var licensedUsers = 0
    public var orgRows = 0

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// Accumulates the truth record by record as the generator writes them.
struct SampleTruthCounter {
    private var prompts = Set<String>()
    private var threads = Set<String>()
    private var activeUsers = Set<String>()
    private var promptsByApp: [String: Int] = [:]
    private var firstSecond: Int64?
    private var lastSecond: Int64?
    private(set) var records = 0
    private(set) var duplicate = 0
    private(set) var quarantined = 0
    private(set) var skippedOperation = 0

    /// Adds a record written as `copies` (file index, cut by Excel), in any order.
    mutating func add(_ record: SampleRecord, copies: [(file: Int, truncated: Bool)], userKey: String) {
        guard record.isCopilotInteraction else {
            skippedOperation += copies.count
            return
        }
        quarantined += copies.filter(\.truncated).count
        let intact = copies.filter { !$0.truncated }.count
        guard intact > 0 else { return }
        duplicate += intact - 1
        records += 1
        firstSecond = min(firstSecond ?? record.seconds, record.seconds)
        lastSecond = max(lastSecond ?? record.seconds, record.seconds)
        var hasPrompt = false
        for message in record.messages where message.isPrompt {
            hasPrompt = true
            if prompts.insert(record.thread + "\u{0}" + message.id).inserted { promptsByApp[record.appHost, default: 0] += 1 }
        }
        if hasPrompt {
            threads.insert(record.thread)
            activeUsers.insert(userKey)
        }
    }

    func fill(_ truth: inout SampleTruth, licensed: Set<String>) {
        truth.records = records
        truth.duplicate = duplicate
        truth.quarantined = quarantined
        truth.skippedOperation = skippedOperation
        truth.prompts = prompts.count
        truth.sessions = threads.count
        truth.activeUsers = activeUsers.count
        truth.licensedActiveUsers = activeUsers.intersection(licensed).count
        truth.promptsByApp = promptsByApp
        truth.firstDay = firstSecond.map { AuditTimestamp(seconds: $0) }.map { AuditTimestamp.dateText(day: $0.day) }
        truth.lastDay = lastSecond.map { AuditTimestamp(seconds: $0) }.map { AuditTimestamp.dateText(day: $0.day) }
    }
}
