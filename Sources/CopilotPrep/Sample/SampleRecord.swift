/// One synthetic audit row before it is written: a Copilot interaction or another operation.
struct SampleRecord {
    struct Message {
        var id: String
        var isPrompt: Bool
    }

    var id: String
    var seconds: Int64
    var person: Int
    var operation = "CopilotInteraction"
    var appHost = "BizChat"
    var thread = ""
    var messages: [Message] = []
    var resources = 0
    var webGrounded = false
    var agent: Int?
    /// Whether this is a Copilot interaction (261), the only kind a build keeps.
    var isCopilotInteraction: Bool { operation == "CopilotInteraction" }
    /// Long enough that Excel cuts its AuditData (many grounding resources).
    var isLong: Bool { resources > 200 }
}
