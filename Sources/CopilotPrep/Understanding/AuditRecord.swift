/// The parts of one AuditData JSON that a build uses, decoded into one reusable byte arena.
///
/// Text values are `TextRef`s into `arena` rather than Strings: a record has dozens of values
/// and most go straight back out into CSV bytes, so a String per value would be wasted work.
/// One `AuditRecord` is reused for every row (`reset()` keeps the capacity).
struct AuditRecord {
    /// A decoded text value: a range of `arena`, or absent (missing or null in the JSON).
    struct TextRef: Equatable {
        var start: Int32
        var count: Int32

        static let absent = TextRef(start: 0, count: -1)
        var isPresent: Bool { count >= 0 }
        var isEmpty: Bool { count <= 0 }
    }

    struct Context { var id = TextRef.absent, type = TextRef.absent }
    struct Message {
        var id = TextRef.absent
        var isPrompt: Bool?
        var jailbreakDetected: Bool?
        var xpiaDetected: Bool?
    }
    struct Resource {
        var id = TextRef.absent, name = TextRef.absent, type = TextRef.absent, action = TextRef.absent
        var siteUrl = TextRef.absent, sensitivityLabelId = TextRef.absent, policyDetails = TextRef.absent
    }
    struct Plugin { var id = TextRef.absent, name = TextRef.absent, version = TextRef.absent }

    var arena: [UInt8] = []

    var id = TextRef.absent
    var creationTime = TextRef.absent
    var operation = TextRef.absent
    var recordType: Int?
    var userId = TextRef.absent
    var workload = TextRef.absent
    var appIdentity = TextRef.absent
    var agentId = TextRef.absent
    var agentName = TextRef.absent
    var applicationName = TextRef.absent
    var clientRegion = TextRef.absent

    var appHost = TextRef.absent
    var threadId = TextRef.absent
    var contexts: [Context] = []
    var messages: [Message] = []
    var resources: [Resource] = []
    var plugins: [Plugin] = []
    var models: [TextRef] = []
    var messageIdCount = 0

    /// Fields read leniently because their JSON type was not the expected one (field names).
    var leniencies: [StaticString] = []

    mutating func reset() {
        arena.removeAll(keepingCapacity: true)
        id = .absent; creationTime = .absent; operation = .absent; recordType = nil
        userId = .absent; workload = .absent; appIdentity = .absent; agentId = .absent
        agentName = .absent; applicationName = .absent; clientRegion = .absent
        appHost = .absent; threadId = .absent
        contexts.removeAll(keepingCapacity: true)
        messages.removeAll(keepingCapacity: true)
        resources.removeAll(keepingCapacity: true)
        plugins.removeAll(keepingCapacity: true)
        models.removeAll(keepingCapacity: true)
        messageIdCount = 0
        leniencies.removeAll(keepingCapacity: true)
    }

    /// The bytes of a text value (empty when absent).
    func bytes(_ ref: TextRef) -> ArraySlice<UInt8> {
        guard ref.count > 0 else { return [] }
        return arena[Int(ref.start)..<Int(ref.start + ref.count)]
    }

    /// A text value as a String (empty when absent).
    func string(_ ref: TextRef) -> String {
        String(decoding: bytes(ref), as: UTF8.self)
    }

    /// Appends bytes to the arena and returns their reference.
    mutating func store<C: Collection>(_ bytes: C) -> TextRef where C.Element == UInt8 {
        let start = arena.count
        arena.append(contentsOf: bytes)
        return TextRef(start: Int32(start), count: Int32(arena.count - start))
    }

    var promptCount: Int { messages.reduce(0) { $0 + ($1.isPrompt == true ? 1 : 0) } }
    var responseCount: Int { messages.reduce(0) { $0 + ($1.isPrompt == false ? 1 : 0) } }

    /// Whether a web-search plugin grounded this interaction (Copilot Chat on the web).
    var usesWebSearch: Bool {
        plugins.contains { bytes($0.id).elementsEqual("BingWebSearch".utf8) }
    }
}
