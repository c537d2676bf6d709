import Testing
@testable import CopilotPrep

@Suite struct AuditDataParserTests {
    private func parse(_ json: String) throws(JSONScanner.Failure) -> AuditRecord {
        var record = AuditRecord()
        let bytes = Array(json.utf8)
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONScanner.Failure) in try AuditDataParser.parse(buffer, into: &record) }
        return record
    }

    @Test func readsTheFieldsABuildUses() throws {
        let json = ExportFixture.auditData(.init(
            id: "8a6f2c52-1b7e-4a3c-9d1e-000000000001", time: "2025-09-06T18:08:21", user: "Someone@Contoso.com",
            appHost: "Teams", thread: "19:abc@thread.v2",
            messages: [.init(id: "1757182101000", isPrompt: true), .init(id: "1757182101001", isPrompt: false)],
            resources: 2, contexts: 1, plugins: ["BingWebSearch"], agentId: "CopilotStudio.Declarative.T_1", agentName: "HR Helper"))
        let record = try parse(json)
        #expect(record.string(record.id) == "8a6f2c52-1b7e-4a3c-9d1e-000000000001")
        #expect(record.string(record.creationTime) == "2025-09-06T18:08:21")
        #expect(record.string(record.userId) == "Someone@Contoso.com")
        #expect(record.string(record.appHost) == "Teams")
        #expect(record.string(record.threadId) == "19:abc@thread.v2")
        #expect(record.recordType == 261)
        #expect(record.messages.map { record.string($0.id) } == ["1757182101000", "1757182101001"])
        #expect(record.messages.map(\.isPrompt) == [true, false])
        #expect(record.messages.first?.jailbreakDetected == false)
        #expect(record.resources.count == 2)
        // Purview's escaped slashes are decoded.
        #expect(record.string(record.resources[0].id) == "https://contoso.sharepoint.com/sites/s/Doc0.docx")
        #expect(record.usesWebSearch)
        #expect(record.string(record.agentName) == "HR Helper")
        #expect(record.string(record.models[0]) == "DEEP_LEO")
        #expect(record.leniencies.isEmpty)
    }

    @Test func appIdentityAsObjectGivesItsDisplayName() throws {
        let json = ExportFixture.auditData(.init(id: "x", time: "2025-09-06T18:08:21", user: "a@b.c", appHost: "Word", appIdentityObject: true))
        let record = try parse(json)
        #expect(record.string(record.appIdentity) == "Copilot for Word")
        let plain = try parse(#"{"AppIdentity":"Copilot.MicrosoftCopilot.BizChat"}"#)
        #expect(plain.string(plain.appIdentity) == "Copilot.MicrosoftCopilot.BizChat")
    }

    @Test func unexpectedTypesAreReadLenientlyAndNoted() throws {
        let record = try parse(#"{"AgentName": 42, "CopilotEventData": {"AppHost": ["Teams"], "Messages": {"Id": 7, "isPrompt": "true"}, "Contexts": [1, {"Id": "c"}]}}"#)
        #expect(record.string(record.agentName) == "42")
        #expect(!record.appHost.isPresent)
        #expect(record.messages.count == 1)
        #expect(record.string(record.messages[0].id) == "7")
        #expect(record.messages[0].isPrompt == true)
        #expect(record.contexts.count == 1)
        let noted = Set(record.leniencies.map { "\($0)" })
        #expect(noted == ["AgentName", "AppHost", "Messages", "Messages.Id", "Messages.isPrompt", "Contexts"])
    }

    @Test func unknownFieldsAndNullsNeverBreakIt() throws {
        let record = try parse(#"{"NewField": {"deep": [1, 2.5e3, true, null]}, "UserId": null, "CopilotEventData": null, "Id": "i"}"#)
        #expect(!record.userId.isPresent)
        #expect(record.string(record.id) == "i")
        #expect(record.leniencies.isEmpty)
    }

    @Test func unicodeEscapesIncludingSurrogatePairs() throws {
        let record = try parse(#"{"UserId": "Zo\u00eb \ud83d\ude00 \"q\" \\ \/"}"#)
        #expect(record.string(record.userId) == "Zoë 😀 \"q\" \\ /")
    }

    @Test(arguments: [
        (#"{"Id": "abc""#, true),               // cut: ends inside the object
        (#"{"Id": "ab"#, true),                  // cut inside a string
        (#"{"Id": "a"} trailing"#, false),
        (#"{"Id": 01}"#, false),
        (#"{"Id": "a\x"}"#, false),
        (#"{"Id": tru}"#, false),
        (#"["not", "an object"]"#, false),
        ("{\"Id\": \"tab\there\"}", false),      // raw control character
        (#"{"Id" "a"}"#, false),
    ])
    func invalidJSONIsRejected(json: String, endedEarly: Bool) {
        let failure = #expect(throws: JSONScanner.Failure.self) { try parse(json) }
        #expect(failure?.endedEarly == endedEarly)
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let json = #"{"X": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
        #expect(throws: JSONScanner.Failure.self) { try parse(json) }
    }
}
