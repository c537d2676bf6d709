/// What `copilot-prep sample` generates.
public struct SampleOptions: Sendable {
    public var users = 300
    public var days = 28
    public var seed: UInt64 = 42
    /// Generate about this many MB of audit exports (for benchmarks) instead of `days` of activity.
    public var sizeMB: Int?

    public init(users: Int = 300, days: Int = 28, seed: UInt64 = 42, sizeMB: Int? = nil) {
        self.users = users
        self.days = days
        self.seed = seed
        self.sizeMB = sizeMB
    }
}

/// Where a generated sample's files are.
public struct SampleFiles: Sendable {
    public var auditFolder: String
    public var auditFiles: [String]
    public var licensed: String
    public var org: String
    public var truthFile: String
    public var truth: SampleTruth
}
