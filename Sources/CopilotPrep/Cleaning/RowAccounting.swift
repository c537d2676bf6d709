/// Where every data row of one input role went: each row lands in exactly one bucket, so
/// `read == kept + duplicate + quarantined + skippedOperation` always holds.
public struct RowAccounting: Sendable, Codable, Equatable {
    public var read = 0
    public var kept = 0
    public var duplicate = 0
    public var quarantined = 0
    /// Audit only: rows of operations other than CopilotInteraction.
    public var skippedOperation: Int?

    public init(countsSkippedOperations: Bool = false) {
        skippedOperation = countsSkippedOperations ? 0 : nil
    }

    /// Whether every row read is in exactly one bucket.
    public var isBalanced: Bool {
        read == kept + duplicate + quarantined + (skippedOperation ?? 0)
    }
}
