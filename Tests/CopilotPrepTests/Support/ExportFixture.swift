import Foundation

/// Builds the three exports as Microsoft writes them: AuditData JSON with escaped slashes,
/// RFC 4180 quoting, the current and classic audit layouts, a readiness report and an Entra download.
enum ExportFixture {
    struct Message {
        var id: String
        var isPrompt: Bool
    }

    struct Interaction {
        var id: String
        var time: String  // AuditData CreationTime, e.g. 2025-09-06T18:08:21
        var user: String
        var appHost = "BizChat"
        var thread = "19:thread@thread.v2"
        var messages: [Message] = []
        var resources = 0
        var contexts = 1
        var plugins: [String] = ["EnterpriseSearch"]
        var agentId: String?
        var agentName: String?
        var appIdentityObject = false
        var operation = "CopilotInteraction"
    }

    /// AuditData JSON as Purview writes it (compact, slashes escaped).
    static func auditData(_ i: Interaction) -> String {
        var eventData: [String: Any] = [
            "AppHost": i.appHost, "ThreadId": i.thread,
            "Messages": i.messages.map { ["Id": $0.id, "isPrompt": $0.isPrompt, "JailbreakDetected": false] },
            "AccessedResources": (0..<i.resources).map { n in
                ["Id": "https://contoso.sharepoint.com/sites/s/Doc\(n).docx", "Name": "Doc\(n).docx", "Type": "docx",
                 "Action": "Read", "SiteUrl": "https://contoso.sharepoint.com/sites/s/", "listItemUniqueId": "item-\(n)"]
            },
            "Contexts": (0..<i.contexts).map { n in ["Id": "https://contoso.sharepoint.com/c\(n).docx", "Type": "docx"] },
            "AISystemPlugin": i.plugins.map { ["Id": $0, "Name": "BuiltIn"] },
            "ModelTransparencyDetails": [["ModelName": "DEEP_LEO"]],
            "MessageIds": [],
        ]
        eventData["Messages"] = i.messages.map { ["Id": $0.id, "isPrompt": $0.isPrompt, "JailbreakDetected": false] as [String: Any] }
        var object: [String: Any] = [
            "CreationTime": i.time, "Id": i.id, "Operation": i.operation, "OrganizationId": "0b1c-org",
            "RecordType": i.operation == "CopilotInteraction" ? 261 : 334, "UserKey": "1003200", "UserType": 0,
            "Version": 1, "Workload": "Copilot", "ClientIP": "ffff:10.11.0.229", "UserId": i.user,
            "AppIdentity": i.appIdentityObject
                ? ["AppId": "app-1", "DisplayName": "Copilot for \(i.appHost)", "PublisherId": "pub"] as Any
                : "Copilot.MicrosoftCopilot.\(i.appHost)" as Any,
            "CopilotEventData": eventData,
        ]
        if let agentId = i.agentId { object["AgentId"] = agentId }
        if let agentName = i.agentName { object["AgentName"] = agentName }
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        // Purview escapes every slash; "/" occurs only inside JSON strings, so this is safe.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
            .replacingOccurrences(of: "/", with: "\\/")
    }

    /// One CSV field, quoted when needed (RFC 4180).
    static func quote(_ field: String, delimiter: Character = ",") -> String {
        if field.contains(delimiter) || field.contains("\"") || field.contains("\n") || field.contains("\r") {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    static func row(_ fields: [String], delimiter: Character = ",") -> String {
        fields.map { quote($0, delimiter: delimiter) }.joined(separator: String(delimiter))
    }

    static let currentHeader = ["RecordId", "CreationDate", "RecordType", "Operation", "UserId", "AuditData",
                                "AssociatedAdminUnits", "AssociatedAdminUnitsNames"]
    static let classicHeader = ["CreationDate", "UserIds", "Operations", "AuditData"]

    /// A current-layout export (CRLF, as Purview downloads it).
    static func currentExport(_ interactions: [Interaction], delimiter: Character = ",", auditDataOverride: [String: String] = [:]) -> String {
        var lines = [row(currentHeader, delimiter: delimiter)]
        for i in interactions {
            let json = auditDataOverride[i.id] ?? auditData(i)
            lines.append(row([i.id, i.time + ".0000000Z", i.operation == "CopilotInteraction" ? "261" : "15", i.operation,
                              i.user, json, "", ""], delimiter: delimiter))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A classic-layout export with US-style dates.
    static func classicExport(_ interactions: [Interaction], delimiter: Character = ",") -> String {
        var lines = [row(classicHeader, delimiter: delimiter)]
        for i in interactions {
            lines.append(row(["9/6/2025 6:08:21 PM", i.user, i.operation, auditData(i)], delimiter: delimiter))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The readiness report export.
    static func readiness(_ users: [(upn: String, licence: String)]) -> String {
        var lines = ["Report Refresh Date,User Principal Name,Display Name,Has Copilot license assigned,Teams enabled"]
        for user in users { lines.append("2025-09-30,\(user.upn),Someone,\(user.licence),Yes") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An Entra "Download users" file (camelCase Graph names).
    static func entra(_ people: [(upn: String, department: String)]) -> String {
        var lines = ["userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,usageLocation,country"]
        for person in people {
            lines.append(row([person.upn, "Name of \(person.upn.prefix(3))", "S", person.upn, "G", "id-\(person.upn.count)", "Member",
                              "Engineer", person.department, "True", "DE", "Germany"]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
