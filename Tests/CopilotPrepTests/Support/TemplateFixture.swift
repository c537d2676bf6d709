import Foundation
@testable import CopilotPrep

/// A small .pbit shaped like Desktop writes them: UTF-16LE parts, a pretty-printed model with
/// parameters read by tables through File.Contents, pending changes, and a security binding.
enum TemplateFixture {
    static let parameterTail = #" meta [IsParameterQuery=true, Type=\"Any\", IsParameterQueryRequired=true]"#

    static func schema(bom: Bool = false) -> Data {
        let json = """
        {\r
          "name": "fixture",\r
          "compatibilityLevel": 1567,\r
          "model": {\r
            "culture": "en-US",\r
            "tables": [\r
              {\r
                "name": "Copilot Interactions",\r
                "partitions": [{"name": "p", "source": {"type": "m", "expression": ["let", "    Source = Csv.Document(File.Contents(#\\"Audit File\\"), [Delimiter=\\",\\"]),", "    Json = Table.TransformColumns(Source, {{\\"AuditData\\", Json.Document}})", "in Json"]}}]\r
              },\r
              {\r
                "name": "OrgData",\r
                "partitions": [{"name": "p", "source": {"type": "m", "expression": "let Source = Csv.Document(File.Contents(#\\"Org File\\"), [Encoding=1252]), Renamed = Table.RenameColumns(Source, {{\\"Department\\", \\"Organization\\"}}) in Renamed"}}]\r
              },\r
              {\r
                "name": "Licences",\r
                "partitions": [{"name": "p", "source": {"type": "m", "expression": "Csv.Document(File.Contents(LicenceFile))"}}]\r
              }\r
            ],\r
            "expressions": [\r
              {\r
                "name": "Audit File",\r
                "kind": "m",\r
                "expression": "null\(parameterTail)",\r
                "lineageTag": "a1"\r
              },\r
              {\r
                "name": "Org File",\r
                "kind": "m",\r
                "expression": ["null meta [IsParameterQuery=true, Type=\\"Text\\", IsParameterQueryRequired=true]"]\r
              },\r
              {\r
                "name": "LicenceFile",\r
                "kind": "m",\r
                "expression": "\\"C:\\\\old\\\\licences.csv\\" meta [IsParameterQuery=true, Type=\\"Text\\", IsParameterQueryRequired=false]"\r
              },\r
              {\r
                "name": "mySecretSalt",\r
                "kind": "m",\r
                "expression": "null meta [IsParameterQuery=true, Type=\\"Text\\", IsParameterQueryRequired=true]"\r
              },\r
              {\r
                "name": "TopN",\r
                "kind": "m",\r
                "expression": "10 meta [IsParameterQuery=true, Type=\\"Number\\", IsParameterQueryRequired=true]"\r
              },\r
              {\r
                "name": "ShowGuests",\r
                "kind": "m",\r
                "expression": "false meta [IsParameterQuery=true, Type=\\"Logical\\", IsParameterQueryRequired=true]"\r
              },\r
              {\r
                "name": "Helper",\r
                "kind": "m",\r
                "expression": "let x = 1 in x"\r
              }\r
            ]\r
          }\r
        }
        """
        return (bom ? Data([0xFF, 0xFE]) : Data()) + json.data(using: .utf16LittleEndian)!
    }

    static let pending = #"{"version":"1.0","queries":[{"name":"Audit File","text":["null\#(parameterTail)"]},{"name":"Org File","text":"null meta [IsParameterQuery=true, Type=\"Text\", IsParameterQueryRequired=true]"},{"name":"Copilot Interactions","text":["let","  x = 1","in x"]}]}"#

    static let contentTypes = #"<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="json" ContentType=""/><Override PartName="/Version" ContentType=""/><Override PartName="/UnappliedChanges" ContentType="application/json"/><Override PartName="/DataModelSchema" ContentType=""/><Override PartName="/Report/Layout" ContentType=""/><Override PartName="/SecurityBindings" ContentType=""/></Types>"#

    static func package(schemaBOM: Bool = false) -> PBITPackage {
        PBITPackage(members: [
            .init(name: "Version", data: "1.30".data(using: .utf16LittleEndian)!),
            .init(name: "[Content_Types].xml", data: Data([0xEF, 0xBB, 0xBF]) + Data(contentTypes.utf8)),
            .init(name: "UnappliedChanges", data: pending.data(using: .utf16LittleEndian)!),
            .init(name: "DataModelSchema", data: schema(bom: schemaBOM)),
            .init(name: "Report/Layout", data: #"{"sections":[]}"#.data(using: .utf16LittleEndian)!),
            .init(name: "SecurityBindings", data: Data([0x01, 0x00, 0x00, 0x00, 0xD0, 0x8C, 0x9D, 0xDF])),
            .init(name: "Report/StaticResources/logo.png", data: Data((0..<200).map { UInt8($0) })),
        ])
    }

    @discardableResult
    static func write(to path: String, schemaBOM: Bool = false) throws -> String {
        try package(schemaBOM: schemaBOM).write(to: URL(fileURLWithPath: path))
        return path
    }
}
