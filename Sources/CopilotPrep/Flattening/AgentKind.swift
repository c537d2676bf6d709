/// What kind of agent an AgentId names, when the id or name tells (best effort: Purview does
/// not say so in a field of its own).
enum AgentKind {
    static func classify(agentId: String, agentName: String) -> String {
        let id = agentId.lowercased()
        if id.contains("copilotstudio") || id.hasPrefix("cs_") { return "Copilot Studio" }
        if id.contains("sharepoint") || id.hasPrefix("sp_") || id.contains(".sharepoint.") { return "SharePoint" }
        if id.contains("declarative") || id.hasPrefix("t_") || id.hasPrefix("p_") { return "declarative" }
        if id.hasPrefix("microsoft.") || id.contains("firstparty") { return "first-party" }
        return ""
    }
}
