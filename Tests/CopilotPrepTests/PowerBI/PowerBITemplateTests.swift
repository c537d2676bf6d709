import Foundation
import Testing
@testable import CopilotPrep

@Suite struct PowerBITemplateTests {
    private func utf16(_ data: Data?) -> String {
        let data = data ?? Data()
        return String(data: data.starts(with: [0xFF, 0xFE]) ? data.dropFirst(2) : data, encoding: .utf16LittleEndian)!
    }

    @Test func parametersWithTypesValuesAndTheRoleOfTheTablesThatReadThem() throws {
        let folder = TemporaryFolder()
        let template = try PowerBITemplate.read(try TemplateFixture.write(to: folder.path("t.pbit")))
        let parameters = try template.parameters()
        #expect(parameters.map(\.name) == ["Audit File", "Org File", "LicenceFile", "mySecretSalt", "TopN", "ShowGuests"])
        let byName = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0) })
        #expect(byName["Audit File"]?.role == .audit && byName["Audit File"]?.type == "Any")
        #expect(byName["Org File"]?.role == .org && byName["Org File"]?.type == "Text")
        #expect(byName["LicenceFile"]?.role == .licensed && byName["LicenceFile"]?.value == "C:\\old\\licences.csv")
        #expect(byName["LicenceFile"]?.isRequired == false)
        #expect(byName["mySecretSalt"]?.isSaltLike == true && byName["mySecretSalt"]?.role == nil)
        #expect(byName["TopN"]?.value == "10")
    }

    @Test func fillingChangesOnlyTheParametersAndKeepsEveryOtherByte() throws {
        let folder = TemporaryFolder()
        let source = try TemplateFixture.write(to: folder.path("t.pbit"), schemaBOM: true)
        let original = try PBITPackage.read(from: URL(fileURLWithPath: source))
        let sourceBytes = folder.read("t.pbit")
        var template = try PowerBITemplate.read(source)
        try template.set(["Audit File": "C:\\Data\\Copilot_Activities.csv", "Org File": "/srv/org.csv", "TopN": "25", "ShowGuests": "TRUE"])
        try template.write(to: folder.path("filled.pbit"))
        #expect(folder.read("t.pbit") == sourceBytes)  // the input is never modified

        let filled = try PBITPackage.read(from: URL(fileURLWithPath: folder.path("filled.pbit")))
        #expect(filled.members.map(\.name) == original.members.map(\.name).filter { $0 != "SecurityBindings" })
        for member in filled.members where !["DataModelSchema", "UnappliedChanges", "[Content_Types].xml"].contains(member.name) {
            #expect(member.data == original.member(member.name), "\(member.name) changed")
        }
        // DataModelSchema keeps its BOM and differs only in the expressions set.
        let schemaData = try #require(filled.member("DataModelSchema"))
        #expect(schemaData.starts(with: [0xFF, 0xFE]))
        let before = utf16(original.member("DataModelSchema")), after = utf16(schemaData)
        let changed = zip(before.components(separatedBy: "\r\n"), after.components(separatedBy: "\r\n")).filter { $0 != $1 }
        #expect(changed.count == 4)
        #expect(changed.allSatisfy { $0.0.contains("\"expression\"") })
        let parameters = Dictionary(uniqueKeysWithValues: try PowerBITemplate(package: filled, path: "x").parameters().map { ($0.name, $0) })
        #expect(parameters["Audit File"]?.value == "C:\\Data\\Copilot_Activities.csv")
        #expect(parameters["Org File"]?.value == "/srv/org.csv")
        #expect(after.contains(#""expression": ["\"/srv/org.csv\" meta [IsParameterQuery=true, Type=\"Text\""#))  // a list stays a list; slashes as Desktop writes them
        #expect(after.contains(#""expression": "25 meta [IsParameterQuery=true, Type=\"Number\""#))
        #expect(after.contains(#""true meta [IsParameterQuery=true, Type=\"Logical\""#))
        // The pending copy gets identical expressions, in its own form (list of lines or string).
        let pending = try JSONSerialization.jsonObject(with: Data(utf16(filled.member("UnappliedChanges")).utf8)) as! [String: Any]
        let queries = Dictionary(uniqueKeysWithValues: (pending["queries"] as! [[String: Any]]).map { ($0["name"] as! String, $0["text"]!) })
        #expect(queries["Audit File"] as? [String] == [#""C:\Data\Copilot_Activities.csv" meta [IsParameterQuery=true, Type="Any", IsParameterQueryRequired=true]"#])
        #expect(queries["Org File"] as? String == #""/srv/org.csv" meta [IsParameterQuery=true, Type="Text", IsParameterQueryRequired=true]"#)
        #expect(queries["Copilot Interactions"] as? [String] == ["let", "  x = 1", "in x"])
        // SecurityBindings is gone, and so is its content type; the BOM of the XML stays.
        let types = try #require(filled.member("[Content_Types].xml"))
        #expect(types.starts(with: [0xEF, 0xBB, 0xBF]))
        let typesText = String(decoding: types, as: UTF8.self)
        #expect(!typesText.contains("SecurityBindings") && typesText.contains(#"PartName="/UnappliedChanges""#))
    }

    @Test(arguments: ["C:\\Users\\Zoë \"Z\" Müller\\Copilot Data\\Org_Data.csv", "a#(lf)b", "line\nbreak\rand\ttab", "#(#)x", "日本語 / spaces"])
    func textValuesRoundTripThroughMEscaping(value: String) throws {
        let folder = TemporaryFolder()
        var template = try PowerBITemplate.read(try TemplateFixture.write(to: folder.path("t.pbit")))
        try template.set(["Org File": value])
        let parameters = try template.parameters()
        #expect(parameters.first { $0.name == "Org File" }?.value == value)
        let literal = MTextLiteral.encode(value)
        #expect(!literal.dropFirst().dropLast().replacingOccurrences(of: "\"\"", with: "").contains("\""))
        #expect(!literal.contains("\n") && !literal.contains("\r") && !literal.contains("\t"))
        #expect(!literal.replacingOccurrences(of: "#(#)", with: "").replacingOccurrences(of: "#(lf)", with: "")
            .replacingOccurrences(of: "#(cr)", with: "").replacingOccurrences(of: "#(tab)", with: "").contains("#("))
    }

    @Test func escapingFollowsTheMRules() {
        #expect(MTextLiteral.encode("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(MTextLiteral.encode("a\nb\r\tc") == "\"a#(lf)b#(cr)#(tab)c\"")
        #expect(MTextLiteral.encode("x#(y") == "\"x#(#)(y\"")
        #expect(MTextLiteral.encode("C:\\a\\b") == "\"C:\\a\\b\"")
    }

    @Test func unknownNamesAndWrongTypesAreClearErrors() throws {
        let folder = TemporaryFolder()
        var template = try PowerBITemplate.read(try TemplateFixture.write(to: folder.path("t.pbit")))
        let unknown = #expect(throws: CopilotPrepError.self) { try template.set(["Nope": "x"]) }
        #expect(unknown?.message.contains("'Audit File', 'Org File', 'LicenceFile', 'mySecretSalt', 'TopN', 'ShowGuests'") == true)
        #expect(unknown?.message.contains("Helper") == false)  // not a parameter
        let number = #expect(throws: CopilotPrepError.self) { try template.set(["TopN": "ten"]) }
        #expect(number?.message.contains("Number") == true)
        #expect(throws: CopilotPrepError.self) { try template.set(["ShowGuests": "maybe"]) }
    }

    @Test func filesThatAreNotTemplatesAreRefused() throws {
        let folder = TemporaryFolder()
        folder.write("text.pbit", text: "hello", encoding: .utf8)
        let notZip = #expect(throws: CopilotPrepError.self) { try PowerBITemplate.read(folder.path("text.pbit")) }
        #expect(notZip?.message.contains("not a ZIP") == true)
        try PBITPackage(members: [.init(name: "Version", data: Data()), .init(name: "DataModel", data: Data([1, 2, 3]))])
            .write(to: URL(fileURLWithPath: folder.path("report.pbix")))
        let pbix = #expect(throws: CopilotPrepError.self) { try PowerBITemplate.read(folder.path("report.pbix")) }
        #expect(pbix?.message.contains("Export > Power BI template") == true)
        try PBITPackage(members: [.init(name: "Version", data: Data())]).write(to: URL(fileURLWithPath: folder.path("empty.pbit")))
        #expect(throws: CopilotPrepError.self) { try PowerBITemplate.read(folder.path("empty.pbit")) }
        try PBITPackage(members: [.init(name: "../../evil", data: Data([1]))]).write(to: URL(fileURLWithPath: folder.path("evil.pbit")))
        let evil = #expect(throws: CopilotPrepError.self) { try PowerBITemplate.read(folder.path("evil.pbit")) }
        #expect(evil?.message.contains("escape") == true)
        #expect(throws: CopilotPrepError.self) { try PowerBITemplate.read(folder.path("missing.pbit")) }
    }

    @Test func theFilledCopyIsAValidZipWithDeflateMembers() throws {
        let folder = TemporaryFolder()
        var template = try PowerBITemplate.read(try TemplateFixture.write(to: folder.path("t.pbit")))
        try template.set(["Audit File": "x"])
        try template.write(to: folder.path("out.pbit"))
        #expect(throws: CopilotPrepError.self) { try template.write(to: folder.path("t.pbit")) }  // never over its input
        let data = folder.read("out.pbit")
        // Every local header: signature, version 20, flag 0 (sizes in the header), method 8 (Deflate).
        var offset = 0, members = 0
        while offset + 30 <= data.count, data[offset..<offset + 4] == Data([0x50, 0x4B, 0x03, 0x04]) {
            let flags = UInt16(data[offset + 6]) | UInt16(data[offset + 7]) << 8
            let method = UInt16(data[offset + 8]) | UInt16(data[offset + 9]) << 8
            #expect(flags & 0x08 == 0 && method == 8)
            let compressed = Int(data[offset + 18]) | Int(data[offset + 19]) << 8 | Int(data[offset + 20]) << 16 | Int(data[offset + 21]) << 24
            let nameLength = Int(data[offset + 26]) | Int(data[offset + 27]) << 8
            let extraLength = Int(data[offset + 28]) | Int(data[offset + 29]) << 8
            offset += 30 + nameLength + extraLength + compressed
            members += 1
        }
        #expect(members == 6)
        #expect(try PBITPackage.read(from: URL(fileURLWithPath: folder.path("out.pbit"))).members.count == 6)
    }
}
