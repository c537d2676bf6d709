/// The headline numbers of `build-report.json`, with exactly the documented definitions.
public struct UsageMetrics: Sendable, Codable, Equatable {
    /// Kept CopilotInteraction records.
    public var records = 0
    /// Distinct (ThreadId, message Id) pairs with isPrompt true.
    public var prompts = 0
    /// Distinct lower-cased AuditData UserId with at least one prompt.
    public var activeUsers = 0
    /// Distinct ThreadId with at least one prompt.
    public var sessions = 0
    /// Active users whose licence is TRUE.
    public var licensedActiveUsers = 0
    /// Users whose licence is TRUE in the licence list (active or not).
    public var licensedUsers = 0
    /// Prompts by CopilotEventData.AppHost (`(Unknown)` when absent).
    public var promptsByApp: [String: Int] = [:]
    /// Active users by org department as written in the input (`(Unknown)` when missing or empty).
    public var activeUsersByDepartment: [String: Int] = [:]
    /// UTC dates of the first and last kept record.
    public var firstDay: String?
    public var lastDay: String?

    public init() {}
}
