/// Collects findings during a run, folding repeats: findings with the same code about the same
/// file become one `Diagnostic` that keeps the first line and counts the rest.
public struct DiagnosticLog: Sendable {
    private var diagnostics: [Diagnostic] = []
    private var indexByKey: [String: Int] = [:]

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) {
        let key = "\(diagnostic.code)\u{0}\(diagnostic.file ?? "")"
        if let index = indexByKey[key] {
            diagnostics[index].count += diagnostic.count
        } else {
            indexByKey[key] = diagnostics.count
            diagnostics.append(diagnostic)
        }
    }

    public mutating func add(_ severity: Diagnostic.Severity, _ code: String, file: String? = nil, line: Int? = nil,
                             _ message: String, count: Int = 1) {
        add(Diagnostic(severity, code: code, file: file, line: line, message: message, count: count))
    }

    /// Most important first; within a severity, in the order first found.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity ? lhs.element.severity < rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
