import Foundation
import Testing
@testable import CopilotPrep

@Suite struct TemplateAssemblerTests {
    private func packed() throws -> (PBITPackage, [String: Any], [String: Any]) {
        let package = try CopilotUsageTemplate.pack().package
        let schema = try JSONSerialization.jsonObject(with: Data(utf16(package.member("DataModelSchema")!).utf8)) as! [String: Any]
        let layout = try JSONSerialization.jsonObject(with: Data(utf16(package.member("Report/Layout")!).utf8)) as! [String: Any]
        return (package, schema["model"] as! [String: Any], layout)
    }

    private func utf16(_ data: Data) -> String {
        String(data: data, encoding: .utf16LittleEndian)!
    }

    private func tables(_ model: [String: Any]) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: (model["tables"] as! [[String: Any]]).map { ($0["name"] as! String, $0) })
    }

    private func members(_ table: [String: Any], _ key: String) -> Set<String> {
        Set((table[key] as? [[String: Any]] ?? []).map { $0["name"] as! String })
    }

    @Test func partsAreTheOnesDesktopReadsInTheirEncodings() throws {
        let (package, _, _) = try packed()
        #expect(package.members.map(\.name) == ["Version", "[Content_Types].xml", "DataModelSchema", "DiagramLayout", "Report/Layout", "Settings", "Metadata"])
        #expect(utf16(package.member("Version")!) == "1.30")
        for name in ["Version", "DataModelSchema", "DiagramLayout", "Report/Layout", "Settings", "Metadata"] {
            let data = package.member(name)!
            #expect(!data.starts(with: [0xFF, 0xFE]), "\(name) has a BOM")
            if name != "Version" { #expect((try? JSONSerialization.jsonObject(with: Data(utf16(data).utf8))) != nil, "\(name) is not JSON") }
        }
        let types = String(decoding: package.member("[Content_Types].xml")!, as: UTF8.self)
        for name in package.members.map(\.name) where name != "[Content_Types].xml" {
            #expect(types.contains("PartName=\"/\(name)\""), "\(name) has no content type")
        }
        #expect(package.member("SecurityBindings") == nil && package.member("UnappliedChanges") == nil)
    }

    @Test func everyQueryReadsExactlyTheColumnsBuildWrites() throws {
        let (_, model, _) = try packed()
        let byName = tables(model)
        for tidy in TidyTable.allCases {
            let table = try #require(byName[tidy.rawValue], "no table \(tidy.rawValue)")
            let columns = (table["columns"] as! [[String: Any]]).map { $0["name"] as! String }
            #expect(columns == tidy.columns, "\(tidy.rawValue) columns differ from what build writes")
            let partition = (table["partitions"] as! [[String: Any]])[0]["source"] as! [String: Any]
            let m = (partition["expression"] as! [String]).joined(separator: "\n")
            #expect(m.contains("TablesFolder & \"\(tidy.fileName)\""))
            #expect(m.contains("Csv.Document") && m.contains("Encoding = 65001") && m.contains("QuoteStyle.Csv"))
            // The typed column list names exactly the writer's header.
            let typed = m.components(separatedBy: "{\"").dropFirst().map { $0.components(separatedBy: "\"")[0] }
            #expect(typed == tidy.columns, "\(tidy.rawValue): M names \(typed)")
        }
    }

    @Test func relationshipsAndVisualsPointAtWhatExists() throws {
        let (_, model, layout) = try packed()
        let byName = tables(model)
        for relationship in model["relationships"] as! [[String: Any]] {
            for side in ["from", "to"] {
                let table = try #require(byName[relationship["\(side)Table"] as! String])
                #expect(members(table, "columns").contains(relationship["\(side)Column"] as! String))
            }
        }
        let sections = layout["sections"] as! [[String: Any]]
        #expect(sections.map { $0["displayName"] as! String } == ["Overview", "Apps", "Organisation", "Agents", "Data quality"])
        var visuals = 0
        for section in sections {
            for container in section["visualContainers"] as! [[String: Any]] {
                let config = try JSONSerialization.jsonObject(with: Data((container["config"] as! String).utf8)) as! [String: Any]
                let query = (config["singleVisual"] as! [String: Any])["prototypeQuery"] as! [String: Any]
                let entities = Dictionary(uniqueKeysWithValues: (query["From"] as! [[String: Any]]).map { ($0["Name"] as! String, $0["Entity"] as! String) })
                for select in query["Select"] as! [[String: Any]] {
                    let (kind, field) = select["Measure"].map { ("measures", $0) } ?? ("columns", select["Column"]!)
                    let reference = field as! [String: Any]
                    let source = ((reference["Expression"] as! [String: Any])["SourceRef"] as! [String: Any])["Source"] as! String
                    let entity = try #require(entities[source])
                    let table = try #require(byName[entity])
                    #expect(members(table, kind).contains(reference["Property"] as! String), "\(reference)")
                }
                visuals += 1
            }
        }
        #expect(visuals >= 15)
    }

    @Test func theMeasuresTheIssueNamesExist() throws {
        let (_, model, _) = try packed()
        let all = tables(model).values.reduce(into: Set<String>()) { $0.formUnion(members($1, "measures")) }
        for name in ["Prompts", "Active Users", "Sessions", "Licensed Active Users", "Licensed Users", "Licensed Users Active %",
                     "Prompts per Active User", "Active Days per User", "Agent Prompts", "Agent Users", "Records"] {
            #expect(all.contains(name), "missing measure \(name)")
        }
    }

    @Test func oneTextParameterAndNoAutoDateTables() throws {
        let parameters = try CopilotUsageTemplate.pack().parameters()
        #expect(parameters.map(\.name) == ["DataFolder"] && parameters[0].type == "Text" && parameters[0].value == nil)
        let (_, model, _) = try packed()
        #expect(!tables(model).keys.contains { $0.hasPrefix("LocalDateTable") || $0.hasPrefix("DateTableTemplate") })
        let annotations = model["annotations"] as! [[String: Any]]
        #expect(annotations.contains { $0["name"] as? String == "__PBI_TimeIntelligenceEnabled" && $0["value"] as? String == "0" })
    }

    @Test func packingIsReproducibleAndFillingSetsOnlyDataFolder() throws {
        let folder = TemporaryFolder()
        try CopilotUsageTemplate.pack().write(to: folder.path("a.pbit"))
        try CopilotUsageTemplate.pack().write(to: folder.path("b.pbit"))
        #expect(folder.read("a.pbit") == folder.read("b.pbit"))
        let filled = try CopilotUsageTemplate.pack(dataFolder: "C:\\Users\\me\\Copilot")
        #expect(try filled.parameters().first?.value == "C:\\Users\\me\\Copilot")
    }

    @Test func buildWritesTheReportFilledWithItsOutputFolder() throws {
        let tenant = MixedTenant()
        let out = tenant.folder.path("out")
        let outcome = BuildJob.run(tenant.options(output: out))
        #expect(outcome.exitCode == 0)
        let template = try PowerBITemplate.read(out + "/CopilotUsage.pbit")
        #expect(try template.parameters().first?.value == URL(fileURLWithPath: out).standardizedFileURL.path)
        // Every table the report loads is in tables/.
        for tidy in TidyTable.allCases {
            #expect(FileManager.default.fileExists(atPath: out + "/tables/" + tidy.fileName))
        }
    }
}
