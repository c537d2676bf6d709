import Foundation

/// An error that stops a command, phrased for the person running it: which file, which line,
/// and what to do. Never carries a stack trace or a raw Foundation error text alone.
public struct CopilotPrepError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public var file: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            location += ": "
        }
        return "\(location)\(message)"
    }

    public var errorDescription: String? { description }
}
