import Crypto
import Foundation

/// Packs `TemplateSource` into a .pbit as Power BI Desktop writes one: the model in TMSL form,
/// the report layout with each visual's config as a JSON string, UTF-16LE parts without a BOM,
/// every part covered by `[Content_Types].xml`, no SecurityBindings, no UnappliedChanges, and no
/// auto date tables (the model has its own Date table). The same source always packs to the
/// same bytes.
enum TemplateAssembler {
    static let fileName = "CopilotUsage.pbit"
    /// What Desktop writes; it refuses a newer version than its own.
    static let version = "1.30"

    static func package(_ source: TemplateSource) throws -> PBITPackage {
        PBITPackage(members: [
            .init(name: "Version", data: utf16(version)),
            .init(name: "[Content_Types].xml", data: Data(contentTypes.utf8)),
            .init(name: "DataModelSchema", data: utf16(try json(dataModel(source)))),
            .init(name: "DiagramLayout", data: utf16(try json(diagram(source)))),
            .init(name: "Report/Layout", data: utf16(try json(layout(source)))),
            .init(name: "Settings", data: utf16(try json(["Version": 4, "ReportSettings": [String: Any](),
                                                        "QueriesSettings": ["TypeDetectionEnabled": true, "RelationshipImportEnabled": false,
                                                                            "Version": "2.143.578.0"]]))),
            .init(name: "Metadata", data: utf16(try json(["Version": 5, "AutoCreatedRelationships": [Any](),
                                                        "FileDescription": source.model.description, "CreatedFrom": "Cloud",
                                                        "CreatedFromRelease": "2025.08"]))),
        ])
    }

    static let contentTypes = """
    <?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="json" ContentType="" /><Default Extension="xml" ContentType="" />\
    <Override PartName="/Version" ContentType="" /><Override PartName="/DataModelSchema" ContentType="" />\
    <Override PartName="/DiagramLayout" ContentType="" /><Override PartName="/Report/Layout" ContentType="" />\
    <Override PartName="/Settings" ContentType="" /><Override PartName="/Metadata" ContentType="" /></Types>
    """

    static func utf16(_ text: String) -> Data {
        text.data(using: .utf16LittleEndian)!
    }

    static func json(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// A stable GUID-shaped name from text (relationships and visuals need unique names).
    static func stableID(_ text: String) -> String {
        let hex = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        let c = Array(hex)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }

    static func lines(_ text: String) -> [String] {
        text.components(separatedBy: "\n")
    }

    // MARK: Model

    static let dataTypes = ["text": "string", "int": "int64", "date": "dateTime", "datetime": "dateTime", "bool": "boolean", "double": "double"]

    static func modelType(_ type: String, column: String, table: String) throws -> String {
        guard let dataType = dataTypes[type] else {
            throw CopilotPrepError(file: "Template/tables/\(table).json",
                                   "column '\(column)' has unknown type '\(type)'; use one of \(dataTypes.keys.sorted().joined(separator: ", "))")
        }
        return dataType
    }

    static func dataModel(_ source: TemplateSource) throws -> [String: Any] {
        var tables: [[String: Any]] = []
        for table in source.tables {
            let hidden = Set(table.hiddenColumns ?? [])
            if let unknown = hidden.subtracting(table.columns.map(\.name)).sorted().first {
                throw CopilotPrepError(file: "Template/tables/\(table.name).json", "hides column '\(unknown)', which the table does not have")
            }
            var columns: [[String: Any]] = []
            for column in table.columns {
                let dataType = try modelType(column.type, column: column.name, table: table.name)
                var entry: [String: Any] = ["name": column.name, "dataType": dataType,
                                            "summarizeBy": column.type == "int" || column.type == "double" ? "sum" : "none",
                                            "annotations": [["name": "SummarizationSetBy", "value": "Automatic"]]]
                if table.calculated != nil {
                    entry["type"] = "calculatedTableColumn"
                    entry["sourceColumn"] = "[\(column.name)]"
                    entry["isNameInferred"] = true
                    entry["isDataTypeInferred"] = true
                } else {
                    entry["sourceColumn"] = column.name
                }
                if column.type == "date" { entry["formatString"] = "yyyy-mm-dd" }
                if column.type == "datetime" { entry["formatString"] = "yyyy-mm-dd hh:nn:ss" }
                if hidden.contains(column.name) { entry["isHidden"] = true }
                if table.name == "Date" && column.name == "Date" { entry["isKey"] = true }
                columns.append(entry)
            }
            for column in table.calculatedColumns ?? [] {
                let dataType = try modelType(column.type, column: column.name, table: table.name)
                columns.append(["name": column.name, "type": "calculated", "dataType": dataType, "isDataTypeInferred": true,
                                "expression": column.expression, "summarizeBy": "none",
                                "annotations": [["name": "SummarizationSetBy", "value": "Automatic"]]])
            }
            let partitionSource: [String: Any]
            if let calculated = table.calculated {
                partitionSource = ["type": "calculated", "expression": lines(try source.query(calculated))]
            } else if let query = table.query {
                partitionSource = ["type": "m", "expression": lines(try source.query(query))]
            } else {
                throw CopilotPrepError(file: "Template/tables/\(table.name).json", "needs a 'query' or a 'calculated' file")
            }
            var entry: [String: Any] = ["name": table.name, "description": table.description, "columns": columns,
                                        "partitions": [["name": table.name, "mode": "import", "source": partitionSource]]]
            if table.name == "Date" { entry["dataCategory"] = "Time" }
            let measures = source.measures.filter { $0.table == table.name }.map { measure -> [String: Any] in
                var entry: [String: Any] = ["name": measure.name, "expression": lines(measure.expression)]
                if !measure.formatString.isEmpty { entry["formatString"] = measure.formatString }
                return entry
            }
            if !measures.isEmpty { entry["measures"] = measures }
            tables.append(entry)
        }
        let relationships = try source.relationships.map { relationship -> [String: Any] in
            let from = relationship.from.split(separator: ".", maxSplits: 1).map(String.init)
            let to = relationship.to.split(separator: ".", maxSplits: 1).map(String.init)
            guard from.count == 2, to.count == 2 else {
                throw CopilotPrepError(file: "Template/relationships.json", "'\(relationship.from)' -> '\(relationship.to)' must be table.column on both ends")
            }
            // Many-to-one toward the dimension, filters flowing one way (the TMSL defaults).
            return ["name": stableID(relationship.from + "->" + relationship.to),
                    "fromTable": from[0], "fromColumn": from[1], "toTable": to[0], "toColumn": to[1]]
        }
        let parameter = source.model.parameter
        let expressions: [[String: Any]] = [
            ["name": parameter, "description": source.model.parameterDescription, "kind": "m",
             "expression": try source.query("\(parameter).pq"),
             "annotations": [["name": "PBI_ResultType", "value": "Text"]]],
            ["name": "TablesFolder", "kind": "m", "expression": lines(try source.query("TablesFolder.pq")),
             "annotations": [["name": "PBI_ResultType", "value": "Text"]]],
        ]
        let queryOrder = [parameter, "TablesFolder"] + source.tables.filter { $0.query != nil }.map(\.name)
        return [
            "name": source.model.name,
            "compatibilityLevel": source.model.compatibilityLevel,
            "model": [
                "culture": source.model.culture,
                "sourceQueryCulture": source.model.culture,
                "defaultPowerBIDataSourceVersion": "powerBI_V3",
                "dataAccessOptions": ["legacyRedirects": true, "returnErrorValuesAsNull": true],
                "tables": tables,
                "relationships": relationships,
                "expressions": expressions,
                "annotations": [
                    ["name": "__PBI_TimeIntelligenceEnabled", "value": "0"],
                    ["name": "PBI_QueryOrder", "value": try json(queryOrder).replacingOccurrences(of: "\n", with: "")],
                ],
            ] as [String: Any],
        ]
    }

    // MARK: Diagram

    static func diagram(_ source: TemplateSource) -> [String: Any] {
        let nodes = source.tables.enumerated().map { index, table -> [String: Any] in
            ["location": ["x": (index % 4) * 300, "y": (index / 4) * 360], "nodeIndex": table.name,
             "size": ["height": 300, "width": 234], "zIndex": index]
        }
        return ["version": "1.1.0", "selectedDiagram": "All tables", "defaultDiagram": "All tables",
                "diagrams": [["ordinal": 0, "name": "All tables", "scrollPosition": ["x": 0, "y": 0], "nodes": nodes,
                              "zoomValue": 100, "pinKeyFieldsToTop": false, "showExtraHeaderInfo": false,
                              "hideKeyFieldsWhenCollapsed": false, "tablesLocked": false]]]
    }

    // MARK: Report

    /// Which visual roles take the category, the series and the values, per visual type.
    static let roles: [String: (category: String?, series: String?, values: String)] = [
        "card": (nil, nil, "Values"), "lineChart": ("Category", "Series", "Y"), "clusteredBarChart": ("Category", "Series", "Y"),
        "clusteredColumnChart": ("Category", "Series", "Y"), "tableEx": (nil, nil, "Values"),
    ]

    static func layout(_ source: TemplateSource) throws -> [String: Any] {
        let measureTable = Dictionary(source.measures.map { ($0.name, $0.table) }, uniquingKeysWith: { first, _ in first })
        var sections: [[String: Any]] = []
        for (ordinal, page) in source.pages.enumerated() {
            var containers: [[String: Any]] = []
            for (index, visual) in page.visuals.enumerated() {
                let config = try visualConfig(visual, id: stableID("\(page.name)/\(index)").replacingOccurrences(of: "-", with: "").prefix(20),
                                              z: index * 1000, measureTable: measureTable, pageFile: page.file)
                containers.append(["x": visual.position[0], "y": visual.position[1], "z": index * 1000,
                                   "width": visual.position[2], "height": visual.position[3],
                                   "config": try json(config), "filters": "[]", "tabOrder": index * 1000])
            }
            sections.append(["name": "ReportSection\(ordinal + 1)", "displayName": page.name, "ordinal": ordinal,
                             "filters": "[]", "config": "{}", "displayOption": 1, "width": 1280, "height": 720,
                             "visualContainers": containers])
        }
        let reportConfig: [String: Any] = ["version": "5.66", "activeSectionIndex": 0, "defaultDrillFilterOtherVisuals": true,
                                           "settings": ["useNewFilterPaneExperience": true, "allowChangeFilterTypes": true]]
        return ["id": 0, "filters": "[]", "resourcePackages": [Any](), "sections": sections,
                "config": try json(reportConfig), "layoutOptimization": 0]
    }

    /// A visual's config: projections by role and the query that feeds them.
    static func visualConfig(_ visual: TemplateSource.Visual, id: Substring, z: Int, measureTable: [String: String],
                             pageFile: String) throws -> [String: Any] {
        guard let role = roles[visual.type], visual.position.count == 4 else {
            throw CopilotPrepError(file: pageFile, "visual type '\(visual.type)' or its position is not one the packer knows")
        }
        var from: [[String: Any]] = []
        var aliases: [String: String] = [:]
        func alias(_ table: String) -> String {
            if let known = aliases[table] { return known }
            let name = "t\(aliases.count)"
            aliases[table] = name
            from.append(["Name": name, "Entity": table, "Type": 0])
            return name
        }
        var select: [[String: Any]] = []
        func reference(_ field: String) throws -> String {
            if field.hasPrefix("["), field.hasSuffix("]") {
                let measure = String(field.dropFirst().dropLast())
                guard let table = measureTable[measure] else {
                    throw CopilotPrepError(file: pageFile, "uses measure '\(measure)', which no file in measures/ defines")
                }
                select.append(["Measure": ["Expression": ["SourceRef": ["Source": alias(table)]], "Property": measure],
                               "Name": "\(table).\(measure)", "NativeReferenceName": measure])
                return "\(table).\(measure)"
            }
            let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw CopilotPrepError(file: pageFile, "'\(field)' is not table.column or [Measure]") }
            select.append(["Column": ["Expression": ["SourceRef": ["Source": alias(parts[0])]], "Property": parts[1]],
                           "Name": field, "NativeReferenceName": parts[1]])
            return field
        }
        var projections: [String: Any] = [:]
        if let categoryRole = role.category, let category = visual.category {
            projections[categoryRole] = [["queryRef": try reference(category), "active": true]]
        }
        if let series = visual.series {
            guard let seriesRole = role.series else {
                throw CopilotPrepError(file: pageFile, "a \(visual.type) visual has no series; remove 'series' or use a chart")
            }
            projections[seriesRole] = [["queryRef": try reference(series)]]
        }
        projections[role.values] = try visual.values.map { ["queryRef": try reference($0)] }
        var single: [String: Any] = ["visualType": visual.type, "projections": projections, "drillFilterOtherVisuals": true,
                                     "prototypeQuery": ["Version": 2, "From": from, "Select": select]]
        if let title = visual.title {
            single["vcObjects"] = ["title": [["properties": [
                "show": ["expr": ["Literal": ["Value": "true"]]],
                "text": ["expr": ["Literal": ["Value": "'\(title.replacingOccurrences(of: "'", with: "''"))'"]]],
            ]]]]
        }
        return ["name": String(id),
                "layouts": [["id": 0, "position": ["x": visual.position[0], "y": visual.position[1], "z": z,
                                                   "width": visual.position[2], "height": visual.position[3], "tabOrder": z]]],
                "singleVisual": single]
    }
}
