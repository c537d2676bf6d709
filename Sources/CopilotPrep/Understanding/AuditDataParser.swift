/// Reads the AuditData JSON of one audit record into an `AuditRecord`.
///
/// Unknown fields are skipped (but still validated: a record is used whole or not at all);
/// a known field of an unexpected JSON type is read leniently and noted in `leniencies`.
/// Field names match ignoring ASCII case, since exports have varied in case (`isPrompt`).
enum AuditDataParser {
    typealias Failure = JSONScanner.Failure

    /// Parses `json` into `record` (which is reset first). Throws when the text is not valid JSON
    /// or not an object.
    static func parse(_ json: UnsafeBufferPointer<UInt8>, into record: inout AuditRecord) throws(Failure) {
        record.reset()
        var scanner = JSONScanner(json)
        guard try scanner.peekKind() == .object else { throw scanner.fail("AuditData is not a JSON object") }
        try scanner.forEachMember { (scanner, key) throws(Failure) in
            if key.is("Id") { record.id = try readText(&scanner, &record, "Id") }
            else if key.is("CreationTime") { record.creationTime = try readText(&scanner, &record, "CreationTime") }
            else if key.is("Operation") { record.operation = try readText(&scanner, &record, "Operation") }
            else if key.is("RecordType") { record.recordType = try readInteger(&scanner, &record, "RecordType") }
            else if key.is("UserId") { record.userId = try readText(&scanner, &record, "UserId") }
            else if key.is("Workload") { record.workload = try readText(&scanner, &record, "Workload") }
            else if key.is("AppIdentity") { record.appIdentity = try readAppIdentity(&scanner, &record) }
            else if key.is("AgentId") { record.agentId = try readText(&scanner, &record, "AgentId") }
            else if key.is("AgentName") { record.agentName = try readText(&scanner, &record, "AgentName") }
            else if key.is("ApplicationName") { record.applicationName = try readText(&scanner, &record, "ApplicationName") }
            else if key.is("ClientRegion") { record.clientRegion = try readText(&scanner, &record, "ClientRegion") }
            else if key.is("CopilotEventData") { try readEventData(&scanner, &record) }
            else { try scanner.skipValue() }
        }
        try scanner.expectEnd()
    }

    private static func readEventData(_ scanner: inout JSONScanner, _ record: inout AuditRecord) throws(Failure) {
        guard try expectContainer(.object, &scanner, &record, "CopilotEventData") else { return }
        try scanner.forEachMember { (scanner, key) throws(Failure) in
            if key.is("AppHost") { record.appHost = try readText(&scanner, &record, "AppHost") }
            else if key.is("ThreadId") { record.threadId = try readText(&scanner, &record, "ThreadId") }
            else if key.is("Contexts") {
                try forEachObject(&scanner, &record, "Contexts") { (scanner, record) throws(Failure) in
                    var context = AuditRecord.Context()
                    try scanner.forEachMember { (scanner, key) throws(Failure) in
                        if key.is("Id") { context.id = try readText(&scanner, &record, "Contexts.Id") }
                        else if key.is("Type") { context.type = try readText(&scanner, &record, "Contexts.Type") }
                        else { try scanner.skipValue() }
                    }
                    record.contexts.append(context)
                }
            } else if key.is("Messages") {
                try forEachObject(&scanner, &record, "Messages") { (scanner, record) throws(Failure) in
                    var message = AuditRecord.Message()
                    try scanner.forEachMember { (scanner, key) throws(Failure) in
                        if key.is("Id") { message.id = try readText(&scanner, &record, "Messages.Id") }
                        else if key.is("isPrompt") { message.isPrompt = try readBool(&scanner, &record, "Messages.isPrompt") }
                        else if key.is("JailbreakDetected") { message.jailbreakDetected = try readBool(&scanner, &record, "Messages.JailbreakDetected") }
                        else if key.is("XPIADetected") { message.xpiaDetected = try readBool(&scanner, &record, "Messages.XPIADetected") }
                        else { try scanner.skipValue() }
                    }
                    record.messages.append(message)
                }
            } else if key.is("AccessedResources") {
                try forEachObject(&scanner, &record, "AccessedResources") { (scanner, record) throws(Failure) in
                    var resource = AuditRecord.Resource()
                    try scanner.forEachMember { (scanner, key) throws(Failure) in
                        if key.is("Id") { resource.id = try readText(&scanner, &record, "AccessedResources.Id") }
                        else if key.is("Name") { resource.name = try readText(&scanner, &record, "AccessedResources.Name") }
                        else if key.is("Type") { resource.type = try readText(&scanner, &record, "AccessedResources.Type") }
                        else if key.is("Action") { resource.action = try readText(&scanner, &record, "AccessedResources.Action") }
                        else if key.is("SiteUrl") { resource.siteUrl = try readText(&scanner, &record, "AccessedResources.SiteUrl") }
                        else if key.is("SensitivityLabelId") { resource.sensitivityLabelId = try readText(&scanner, &record, "AccessedResources.SensitivityLabelId") }
                        else if key.is("PolicyDetails") { resource.policyDetails = try readTextOrJSON(&scanner, &record) }
                        else { try scanner.skipValue() }
                    }
                    record.resources.append(resource)
                }
            } else if key.is("AISystemPlugin") {
                try forEachObject(&scanner, &record, "AISystemPlugin") { (scanner, record) throws(Failure) in
                    var plugin = AuditRecord.Plugin()
                    try scanner.forEachMember { (scanner, key) throws(Failure) in
                        if key.is("Id") { plugin.id = try readText(&scanner, &record, "AISystemPlugin.Id") }
                        else if key.is("Name") { plugin.name = try readText(&scanner, &record, "AISystemPlugin.Name") }
                        else if key.is("Version") { plugin.version = try readText(&scanner, &record, "AISystemPlugin.Version") }
                        else { try scanner.skipValue() }
                    }
                    record.plugins.append(plugin)
                }
            } else if key.is("ModelTransparencyDetails") {
                try forEachObject(&scanner, &record, "ModelTransparencyDetails") { (scanner, record) throws(Failure) in
                    var model = AuditRecord.TextRef.absent
                    try scanner.forEachMember { (scanner, key) throws(Failure) in
                        if key.is("ModelName") { model = try readText(&scanner, &record, "ModelTransparencyDetails.ModelName") }
                        else { try scanner.skipValue() }
                    }
                    record.models.append(model)
                }
            } else if key.is("MessageIds") {
                guard try expectContainer(.array, &scanner, &record, "MessageIds") else { return }
                try scanner.forEachElement { (scanner) throws(Failure) in
                    try scanner.skipValue()
                    record.messageIdCount += 1
                }
            } else {
                try scanner.skipValue()
            }
        }
    }

    // MARK: Lenient readers

    /// True when the next value is of `kind`; a null is skipped and gives false; any other type
    /// is skipped, noted as a leniency, and gives false.
    private static func expectContainer(_ kind: JSONScanner.ValueKind, _ scanner: inout JSONScanner,
                                        _ record: inout AuditRecord, _ field: StaticString) throws(Failure) -> Bool {
        let actual = try scanner.peekKind()
        if actual == kind { return true }
        if actual != .null { record.leniencies.append(field) }
        try scanner.skipValue()
        return false
    }

    /// Calls `body` for each object of a list; non-object elements are skipped and noted. A lone
    /// object where a list was expected is read as a list of one (and noted).
    private static func forEachObject(_ scanner: inout JSONScanner, _ record: inout AuditRecord, _ field: StaticString,
                                      _ body: (inout JSONScanner, inout AuditRecord) throws(Failure) -> Void) throws(Failure) {
        let kind = try scanner.peekKind()
        if kind == .object {
            record.leniencies.append(field)
            try body(&scanner, &record)
            return
        }
        guard try expectContainer(.array, &scanner, &record, field) else { return }
        try scanner.forEachElement { (scanner) throws(Failure) in
            if try scanner.peekKind() == .object {
                try body(&scanner, &record)
            } else {
                if try scanner.peekKind() != .null { record.leniencies.append(field) }
                try scanner.skipValue()
            }
        }
    }

    /// A text value; numbers and booleans become their JSON text (noted), null is absent,
    /// objects and lists are skipped (noted).
    private static func readText(_ scanner: inout JSONScanner, _ record: inout AuditRecord,
                                 _ field: StaticString) throws(Failure) -> AuditRecord.TextRef {
        switch try scanner.peekKind() {
        case .string:
            let token = try scanner.scanString()
            let start = record.arena.count
            try scanner.decodeString(token, into: &record.arena)
            return AuditRecord.TextRef(start: Int32(start), count: Int32(record.arena.count - start))
        case .null:
            try scanner.scanLiteral()
            return .absent
        case .number, .bool:
            record.leniencies.append(field)
            let range = try scanner.skipValue()
            return record.store(scanner.slice(range))
        case .object, .array:
            record.leniencies.append(field)
            try scanner.skipValue()
            return .absent
        }
    }

    /// A string as text, anything else as its JSON text verbatim (PolicyDetails may be either).
    private static func readTextOrJSON(_ scanner: inout JSONScanner, _ record: inout AuditRecord) throws(Failure) -> AuditRecord.TextRef {
        switch try scanner.peekKind() {
        case .string:
            return try readText(&scanner, &record, "AccessedResources.PolicyDetails")
        case .null:
            try scanner.scanLiteral()
            return .absent
        default:
            let range = try scanner.skipValue()
            return record.store(scanner.slice(range))
        }
    }

    /// A boolean; the strings "true"/"false" and the numbers 1/0 are accepted (noted).
    private static func readBool(_ scanner: inout JSONScanner, _ record: inout AuditRecord,
                                 _ field: StaticString) throws(Failure) -> Bool? {
        switch try scanner.peekKind() {
        case .bool:
            return try scanner.scanLiteral() == UInt8(ascii: "t")
        case .null:
            try scanner.scanLiteral()
            return nil
        case .string:
            // Text where a boolean belongs: noted here (readText notes the other kinds).
            record.leniencies.append(field)
            fallthrough
        default:
            let before = record.arena.count
            let text = try readText(&scanner, &record, field)
            let value = record.string(text).lowercased()
            record.arena.removeSubrange(before...)
            switch value {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        }
    }

    /// An integer; a string of digits is accepted (noted).
    private static func readInteger(_ scanner: inout JSONScanner, _ record: inout AuditRecord,
                                    _ field: StaticString) throws(Failure) -> Int? {
        if try scanner.peekKind() == .number {
            let range = try scanner.skipValue()
            return Int(String(decoding: scanner.slice(range), as: UTF8.self))
        }
        let before = record.arena.count
        let text = try readText(&scanner, &record, field)
        let value = Int(record.string(text))
        record.arena.removeSubrange(before...)
        if text.isPresent && value != nil { record.leniencies.append(field) }
        return value
    }

    private static func readAppIdentity(_ scanner: inout JSONScanner, _ record: inout AuditRecord) throws(Failure) -> AuditRecord.TextRef {
        guard try scanner.peekKind() == .object else { return try readText(&scanner, &record, "AppIdentity") }
        var displayName = AuditRecord.TextRef.absent, appId = AuditRecord.TextRef.absent
        try scanner.forEachMember { (scanner, key) throws(Failure) in
            if key.is("DisplayName") { displayName = try readText(&scanner, &record, "AppIdentity.DisplayName") }
            else if key.is("AppId") { appId = try readText(&scanner, &record, "AppIdentity.AppId") }
            else { try scanner.skipValue() }
        }
        return displayName.isEmpty ? appId : displayName
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes spell `name`, ignoring ASCII case.
    func `is`(_ name: StaticString) -> Bool {
        guard count == name.utf8CodeUnitCount else { return false }
        let literal = name.utf8Start
        for offset in 0..<count where (self[offset] | 0x20) != (literal[offset] | 0x20) { return false }
        return true
    }
}
