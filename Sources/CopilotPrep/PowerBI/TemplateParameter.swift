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

    private enum CodingKeys: String, CodingKey {
        case name, type, value, isRequired, readBy, role
    }

    /// Writes every key (`value` null when the parameter is `null`) and the role.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        try container.encode(value, forKey: .value)
        try container.encode(isRequired, forKey: .isRequired)
        try container.encode(readBy, forKey: .readBy)
        try container.encode(role, forKey: .role)
    }

    public init(name: String, type: String, value: String?, isRequired: Bool, readBy: [Reader]) {
        self.name = name
        self.type = type
        self.value = value
        self.isRequired = isRequired
        self.readBy = readBy
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(String.self, forKey: .type)
        value = try container.decodeIfPresent(String.self, forKey: .value)
        isRequired = try container.decode(Bool.self, forKey: .isRequired)
        readBy = try container.decode([Reader].self, forKey: .readBy)
    }

    /// The role of the file this parameter names (the first table reading it that has one).
    public var role: TemplateFileRole? {
        readBy.first { $0.role != .other }?.role ?? readBy.first?.role
    }

    /// A text parameter the Microsoft templates append to user ids before encoding them.
    public var isSaltLike: Bool {
        readBy.isEmpty && name.lowercased().contains("salt")
    }
}
