/// One input file as `build-report.json` lists it.
public struct InputSummary: Sendable, Codable, Equatable {
    public enum Role: String, Sendable, Codable {
        case audit, licensed, org
    }

    public var path: String
    public var role: Role
    public var encoding: String
    public var delimiter: String
    /// `current` or `classic` for audit exports; the detected header style for the others.
    public var layout: String
    /// Data rows (the header not counted).
    public var rows: Int
}
