/// What a table that reads a parameter does with the file, as far as its M tells.
public enum TemplateFileRole: String, Sendable, Codable, CaseIterable {
    case audit, licensed, org, other
}

/// A parameter of a template, with the tables that read a file through it.
public struct TemplateParameter: Sendable, Codable, Equatable {
    public struct Reader: Sendable, Codable, Equatable {
        public var table: String
        public var role: TemplateFileRole
    }

    public var name: String
    /// The M type from the meta record: Text, Any, Number, Logical, ...
    public var type: String
    /// The current value (nil when `null`), decoded from its M literal.
    public var value: String?
    public var isRequired: Bool
    /// Tables whose M opens `File.Contents(<this parameter>...)`.
    public var readBy: [Reader]

    /// The role of the file this parameter names (the first table reading it that has one).
    public var role: TemplateFileRole? {
        readBy.first { $0.role != .other }?.role ?? readBy.first?.role
    }

    /// A text parameter the Microsoft templates append to user ids before encoding them.
    public var isSaltLike: Bool {
        readBy.isEmpty && name.lowercased().contains("salt")
    }
}
