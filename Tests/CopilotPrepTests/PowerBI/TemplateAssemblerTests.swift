import Foundation
import Testing
import TemplateFiles
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
            let loaded = (table["columns"] as! [[String: Any]]).filter { $0["type"] as? String != "calculated" }
            #expect(loaded.map { $0["name"] as! String } == tidy.columns, "\(tidy.rawValue) columns differ from what build writes")
            let partition = (table["partitions"] as! [[String: Any]])[0]["source"] as! [String: Any]
            let m = (partition["expression"] as! [String]).joined(separator: "\n")
            #expect(m.contains("TablesFolder & \"\(tidy.fileName)\""))
            #expect(m.contains("Csv.Document") && m.contains("Encoding = 65001") && m.contains("QuoteStyle.Csv"))
            // The typed column list names exactly the writer's header.
            let typed = mColumnTypes(m)
            #expect(typed.map(\.column) == tidy.columns, "\(tidy.rawValue): M names \(typed.map(\.column))")
            // ...and gives each the type the model declares (a mismatch fails the refresh).
            for (column, mType) in typed {
                let declared = loaded.first { $0["name"] as? String == column }?["dataType"] as? String
                #expect(Self.modelTypeOfM[mType] == declared, "\(tidy.rawValue).\(column): M \(mType), model \(declared ?? "none")")
            }
        }
    }

    /// The model data type each M type in the queries loads as.
    private static let modelTypeOfM = ["type text": "string", "Int64.Type": "int64", "type date": "dateTime",
                                       "type datetime": "dateTime", "type logical": "boolean", "type number": "double"]

    /// The `{"Column", type}` pairs of a query's Table.TransformColumnTypes, in order.
    private func mColumnTypes(_ m: String) -> [(column: String, type: String)] {
        m.components(separatedBy: "{\"").dropFirst().map { pair in
            let parts = pair.components(separatedBy: "\"")
            let type = parts[1].drop { $0 == "," || $0 == " " }.prefix { $0 != "}" }
            return (parts[0], String(type))
        }
    }

    @Test func everyDAXReferenceNamesAColumnOrMeasureThatExists() throws {
        let (_, model, _) = try packed()
        let byName = tables(model)
        let allMeasures = byName.values.reduce(into: Set<String>()) { $0.formUnion(members($1, "measures")) }
        // The reader of references itself: strings and comments are not references.
        let sample = daxReferences("CALCULATE ( [Prompts], 'Date'[Week Start] = \"[x]\", users[HasLicense] ) -- [y]")
        #expect(sample.qualified.map { "\($0.0)|\($0.1)" } == ["Date|Week Start", "users|HasLicense"] && sample.unqualified == ["Prompts"])
        var references = 0
        func check(_ dax: String, owner: String, unqualifiedMayBe columns: Set<String>) {
            let (qualified, unqualified) = daxReferences(dax)
            references += qualified.count + unqualified.count
            for (table, name) in qualified {
                let known = byName[table].map { members($0, "columns").union(members($0, "measures")) } ?? []
                #expect(known.contains(name), "\(owner) refers to \(table)[\(name)], which does not exist")
            }
            for name in unqualified {
                #expect(allMeasures.contains(name) || columns.contains(name), "\(owner) refers to [\(name)], which does not exist")
            }
        }
        var checked = 0
        for (name, table) in byName {
            for measure in table["measures"] as? [[String: Any]] ?? [] {
                check((measure["expression"] as! [String]).joined(separator: "\n"), owner: "measure \(measure["name"]!)", unqualifiedMayBe: [])
                checked += 1
            }
            for column in (table["columns"] as! [[String: Any]]) where column["type"] as? String == "calculated" {
                check(column["expression"] as! String, owner: "column \(name)[\(column["name"]!)]", unqualifiedMayBe: members(table, "columns"))
                checked += 1
            }
            let source = (table["partitions"] as! [[String: Any]])[0]["source"] as! [String: Any]
            if source["type"] as? String == "calculated" {
                check((source["expression"] as! [String]).joined(separator: "\n"), owner: "table \(name)", unqualifiedMayBe: members(table, "columns"))
                checked += 1
            }
        }
        #expect(checked >= 14 && references >= 30)
    }

    /// `table[name]` / `'table'[name]` and bare `[name]` references in DAX, ignoring strings and comments.
    private func daxReferences(_ dax: String) -> (qualified: [(String, String)], unqualified: [String]) {
        let code = dax.split(separator: "\n").map { line in line.range(of: "--").map { String(line[..<$0.lowerBound]) } ?? String(line) }
            .joined(separator: "\n").replacingOccurrences(of: #""([^"]|"")*""#, with: "\"\"", options: .regularExpression)
        var qualified: [(String, String)] = []
        var unqualified: [String] = []
        let pattern = try! NSRegularExpression(pattern: #"('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_]*)?\[([^\]]+)\]"#)
        for match in pattern.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
            let name = String(code[Range(match.range(at: 2), in: code)!])
            if let tableRange = Range(match.range(at: 1), in: code) {
                var table = String(code[tableRange])
                if table.hasPrefix("'") { table = String(table.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
                qualified.append((table, name))
            } else {
                unqualified.append(name)
            }
        }
        return (qualified, unqualified)
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
                let single = config["singleVisual"] as! [String: Any]
                let query = single["prototypeQuery"] as! [String: Any]
                // Every projection shows a field the query selects.
                let selected = Set((query["Select"] as! [[String: Any]]).map { $0["Name"] as! String })
                for (role, fields) in single["projections"] as! [String: [[String: Any]]] {
                    for field in fields { #expect(selected.contains(field["queryRef"] as! String), "\(role): \(field)") }
                }
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

    @Test func trendsSplitByAppAndDepartmentsByLicence() throws {
        let (_, _, layout) = try packed()
        var seriesByTitle: [String: String] = [:]
        for section in layout["sections"] as! [[String: Any]] {
            for container in section["visualContainers"] as! [[String: Any]] {
                let config = try JSONSerialization.jsonObject(with: Data((container["config"] as! String).utf8)) as! [String: Any]
                let single = config["singleVisual"] as! [String: Any]
                let projections = single["projections"] as! [String: [[String: Any]]]
                let title = ((((single["vcObjects"] as? [String: Any])?["title"] as? [[String: Any]])?.first?["properties"] as? [String: Any])?["text"]
                             as? [String: Any]).flatMap { (($0["expr"] as? [String: Any])?["Literal"] as? [String: Any])?["Value"] as? String }
                if let title, let series = projections["Series"]?.first?["queryRef"] as? String { seriesByTitle[title] = series }
            }
        }
        #expect(seriesByTitle["'Weekly prompts by app'"] == "interactions.AppHost")
        #expect(seriesByTitle["'Active users by department, licensed and unlicensed'"] == "users.License Status")
    }

    @Test func mistakesInTheSourceNameTheFileAndTheFix() throws {
        var files = EmbeddedTemplate.files
        files["report/01-Overview.json"] = files["report/01-Overview.json"]!.replacingOccurrences(of: "[Sessions]", with: "[Sesions]")
        #expect(throws: CopilotPrepError(file: "Template/report/01-Overview.json", "uses measure 'Sesions', which no file in measures/ defines")) {
            try TemplateAssembler.package(try TemplateSource(files: files))
        }
        // A legend on a card, which has none.
        files = EmbeddedTemplate.files
        var agents = try JSONSerialization.jsonObject(with: Data(files["report/04-Agents.json"]!.utf8)) as! [String: Any]
        var visuals = agents["visuals"] as! [[String: Any]]
        #expect(visuals[0]["type"] as? String == "card")
        visuals[0]["series"] = "agents.Kind"
        agents["visuals"] = visuals
        files["report/04-Agents.json"] = String(decoding: try JSONSerialization.data(withJSONObject: agents), as: UTF8.self)
        #expect(throws: CopilotPrepError(file: "Template/report/04-Agents.json", "a card visual has no series; remove 'series' or use a chart")) {
            try TemplateAssembler.package(try TemplateSource(files: files))
        }
        files = EmbeddedTemplate.files
        files["tables/messages.json"] = files["tables/messages.json"]!.replacingOccurrences(of: "\"hiddenColumns\": [", with: "\"hiddenColumns\": [\"MesageId\", ")
        #expect(throws: CopilotPrepError(file: "Template/tables/messages.json", "hides column 'MesageId', which the table does not have")) {
            try TemplateAssembler.package(try TemplateSource(files: files))
        }
        files = EmbeddedTemplate.files
        files.removeValue(forKey: "tables/agents.json")
        #expect(throws: CopilotPrepError(file: "Template/tables/agents.json", "is missing from the template")) {
            try TemplateSource(files: files)
        }
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
