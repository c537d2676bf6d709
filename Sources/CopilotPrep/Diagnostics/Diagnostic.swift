/// One finding about the inputs or outputs: produced by the library, printed by the command,
/// and written into `build-report.json` unchanged, so the terminal and the report never disagree.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, info

        /// Most important first when findings are listed.
        var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// A stable machine-readable code, e.g. `auditDataTruncated`.
    public var code: String
    /// The file the finding is about (as the user named it), or nil for a finding about the whole run.
    public var file: String?
    /// 1-based physical line of the first row it concerns, when there is one.
    public var line: Int?
    public var message: String
    /// How many rows share this finding (1 for a single event); repeats are folded into one value.
    public var count: Int

    public init(_ severity: Severity, code: String, file: String? = nil, line: Int? = nil, message: String, count: Int = 1) {
        self.severity = severity
        self.code = code
        self.file = file
        self.line = line
        self.message = message
        self.count = count
    }

    private enum CodingKeys: String, CodingKey {
        case severity, code, file, line, message, count
    }

    /// Always writes every key (null when absent) so report readers can rely on them.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(message, forKey: .message)
        try container.encode(count, forKey: .count)
    }

    /// `severity: file:line: message`, with folded repeats, as printed on stderr.
    public var formatted: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        var text = "\(severity.rawValue): \(location)\(message)"
        if count > 1 {
            let more = count - 1
            text += " (...and \(more) more row\(more == 1 ? "" : "s") like this)"
        }
        return text
    }
}
