/// Writes a sample record's AuditData as Purview does: compact JSON, fields in Purview's
/// order, every slash escaped.
enum SampleAuditData {
    static func append(_ record: SampleRecord, person: SamplePopulation.Person, agent: SamplePopulation.Agent?,
                       to output: inout [UInt8]) {
        func key(_ name: String) {
            JSONStringLiteral.append(name, to: &output)
            output.append(UInt8(ascii: ":"))
        }
        func text(_ name: String, _ value: String, comma: Bool = true) {
            key(name)
            JSONStringLiteral.append(value, to: &output)
            if comma { output.append(UInt8(ascii: ",")) }
        }
        func raw(_ name: String, _ value: String, comma: Bool = true) {
            key(name)
            output.append(contentsOf: value.utf8)
            if comma { output.append(UInt8(ascii: ",")) }
        }
        let time = AuditTimestamp(seconds: record.seconds).text
        output.append(UInt8(ascii: "{"))
        text("CreationTime", time)
        text("Id", record.id)
        text("Operation", record.operation)
        text("OrganizationId", "5e1c2f7a-3b4d-4c6e-8f90-a1b2c3d4e5f6")
        raw("RecordType", record.isCopilotInteraction ? "261" : record.operation == "TeamCopilotInteraction" ? "334" : "6")
        text("UserKey", "1003200\(String(record.person, radix: 16, uppercase: true))")
        raw("UserType", "0")
        raw("Version", "1")
        text("Workload", record.isCopilotInteraction ? "Copilot" : "SharePoint")
        text("ClientIP", record.person % 3 == 0 ? "2a01:111:f400::\(record.person % 97)" : "ffff:10.11.\(record.person % 250).\(record.person % 200)")
        guard record.isCopilotInteraction || record.operation == "TeamCopilotInteraction" else {
            text("UserId", person.auditUserId, comma: false)
            output.append(UInt8(ascii: "}"))
            return
        }
        text("UserId", person.auditUserId)
        if record.person % 4 == 0 {
            key("AppIdentity")
            output.append(contentsOf: #"{"AppId":"2f6a1b0c-copilot","DisplayName":"Microsoft 365 Copilot","PublisherId":"Microsoft"},"#.utf8)
        } else {
            text("AppIdentity", "Copilot.MicrosoftCopilot.\(record.appHost)")
        }
        if let agent {
            text("AgentId", agent.id)
            if !record.messages.isEmpty { text("AgentName", agent.name) }
        }
        key("CopilotEventData")
        output.append(UInt8(ascii: "{"))
        text("AppHost", record.appHost)
        key("Contexts")
        output.append(UInt8(ascii: "["))
        if record.appHost == "Teams" {
            output.append(contentsOf: #"{"Id":"https:\/\/teams.microsoft.com\/l\/meetup-join\/19%3ameeting","Type":"TeamsMeeting"}"#.utf8)
        } else if record.appHost == "Word" || record.appHost == "Excel" || record.appHost == "PowerPoint" {
            let segment = person.upn.replacingOccurrences(of: "@", with: "_").replacingOccurrences(of: ".", with: "_")
            output.append(contentsOf: "{\"Id\":\"https:\\/\\/contoso-my.sharepoint.com\\/personal\\/\(segment)\\/Documents\\/Draft.docx\",\"Type\":\"docx\"}".utf8)
        }
        output.append(contentsOf: "],".utf8)
        text("ThreadId", record.thread)
        key("Messages")
        output.append(UInt8(ascii: "["))
        for (index, message) in record.messages.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: "{\"Id\":\"\(message.id)\",\"isPrompt\":\(message.isPrompt),\"JailbreakDetected\":false}".utf8)
        }
        output.append(contentsOf: "],".utf8)
        key("AccessedResources")
        output.append(UInt8(ascii: "["))
        for index in 0..<record.resources {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            let site = ["sales", "hr", "engineering", "finance"][(record.person + index) % 4]
            output.append(contentsOf: "{\"Id\":\"https:\\/\\/contoso.sharepoint.com\\/sites\\/\(site)\\/Shared%20Documents\\/Report\(index).docx\",\"Name\":\"Report\(index).docx\",\"Type\":\"docx\",\"Action\":\"Read\",\"SiteUrl\":\"https:\\/\\/contoso.sharepoint.com\\/sites\\/\(site)\\/\",\"SensitivityLabelId\":\"f42aa342-8706-4288-bd11-ebb85995028c\",\"PolicyDetails\":null\(index % 5 == 4 ? ",\"listItemUniqueId\":\"a1b2c3d4-\(index)\"" : "")}".utf8)
        }
        output.append(contentsOf: "],".utf8)
        key("AISystemPlugin")
        output.append(contentsOf: (record.webGrounded ? #"[{"Id":"BingWebSearch","Name":"BuiltIn"}],"# : #"[{"Id":"EnterpriseSearch","Name":"BuiltIn"}],"#).utf8)
        key("ModelTransparencyDetails")
        output.append(contentsOf: #"[{"ModelName":"DEEP_LEO"}],"#.utf8)
        raw("MessageIds", "[]", comma: false)
        output.append(contentsOf: "}}".utf8)
    }
}
