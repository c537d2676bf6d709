import Foundation

/// `build-report.json`: what was read, kept and why. Keys are stable: later versions add keys,
/// never rename these.
public struct BuildReport: Sendable, Codable, Equatable {
    public struct Tool: Sendable, Codable, Equatable {
        public var name = CopilotPrep.name
        public var version = CopilotPrep.version
    }

    public struct Accounting: Sendable, Codable, Equatable {
        public var audit = RowAccounting(countsSkippedOperations: true)
        public var licensed = RowAccounting()
        public var org = RowAccounting()
    }

    public struct TableSummary: Sendable, Codable, Equatable {
        public var name: String
        public var rows: Int
    }

    public var tool = Tool()
    public var inputs: [InputSummary] = []
    public var accounting = Accounting()
    public var metrics = UsageMetrics()
    public var findings: [Diagnostic] = []
    /// Quarantined rows of all inputs by reason code.
    public var quarantinedByReason: [String: Int] = [:]
    /// Written files, paths relative to the output folder; absent for `check`.
    public var outputs: [OutputSummary]?
    /// Rows of each tidy table; absent for `check`.
    public var tables: [TableSummary]?
    /// Rows the Microsoft templates' single wide table would hold for the kept records (the
    /// product of each record's list lengths, each at least 1).
    public var rowsInTemplateLayout: Int?
    /// Rows of the per-record tidy tables together, to set beside `rowsInTemplateLayout`.
    public var tidyRows: Int?

    public init() {}

    /// Pretty-printed JSON with sorted keys, so the same run always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
