/// One written output, as listed in `build-report.json`.
public struct OutputSummary: Sendable, Codable, Equatable {
    public var path: String
    public var rows: Int
    public var sha256: String
}
