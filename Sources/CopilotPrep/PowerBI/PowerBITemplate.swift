import Foundation

/// A Power BI template (.pbit) opened for reading its parameters and writing a filled copy.
///
/// The filled copy differs from the original only where it must: the parameter expressions in
/// `DataModelSchema` and, identically, in `UnappliedChanges` (else Desktop could apply the pending
/// copy and bring back `null`); `SecurityBindings`, which is bound to the original content, is
/// dropped with its content-type entry, as Desktop does. Every other member keeps its bytes and
/// its place.
public struct PowerBITemplate {
    public let path: String
    public private(set) var package: PBITPackage

    static let schemaPart = "DataModelSchema"
    static let pendingPart = "UnappliedChanges"
    static let bindingsPart = "SecurityBindings"
    static let contentTypesPart = "[Content_Types].xml"

    public init(package: PBITPackage, path: String) throws {
        self.path = path
        self.package = package
        guard package.member(Self.schemaPart) != nil else {
            if package.member("DataModel") != nil {
                throw CopilotPrepError(file: path, "is a Power BI report with data (.pbix), not a template; in Power BI Desktop use File > Export > Power BI template")
            }
            throw CopilotPrepError(file: path, "has no DataModelSchema, so it is not a Power BI template (.pbit)")
        }
    }

    public static func read(_ path: String) throws -> PowerBITemplate {
        try PowerBITemplate(package: try PBITPackage.read(from: URL(fileURLWithPath: path)), path: path)
    }

    private func part(_ name: String) throws -> UTF16Part? {
        guard let data = package.member(name) else { return nil }
        return try UTF16Part(data, name: name, file: path)
    }

    // MARK: Reading

    /// Every parameter, in model order, with the tables that read a file through it.
    public func parameters() throws -> [TemplateParameter] {
        let schema = try part(Self.schemaPart)!
        let utf8 = Array(schema.text.utf8)
        let expressions = try located(utf8, path: ["model", "expressions"], valueKey: "expression", part: Self.schemaPart)
        var readers: [String: [TemplateParameter.Reader]] = [:]
        for table in try tables(utf8) {
            for name in TemplateRoleDetector.parametersRead(by: table.m) {
                readers[name, default: []].append(.init(table: table.name, role: TemplateRoleDetector.role(table: table.name, m: table.m)))
            }
        }
        return expressions.compactMap { entry in
            guard let expression = ParameterExpression(entry.text) else { return nil }
            return TemplateParameter(name: entry.name, type: expression.type, value: expression.value,
                                     isRequired: expression.isRequired, readBy: readers[entry.name] ?? [])
        }
    }

    private func tables(_ utf8: [UInt8]) throws -> [(name: String, m: String)] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(utf8)) as? [String: Any],
              let model = root["model"] as? [String: Any] else {
            throw CopilotPrepError(file: path, "DataModelSchema is not a Power BI model (no 'model' object)")
        }
        return (model["tables"] as? [[String: Any]] ?? []).map { table in
            let partitions = table["partitions"] as? [[String: Any]] ?? []
            let m = partitions.compactMap { partition -> String? in
                let expression = (partition["source"] as? [String: Any])?["expression"]
                return (expression as? String) ?? (expression as? [String])?.joined(separator: "\n")
            }.joined(separator: "\n")
            return (table["name"] as? String ?? "", m)
        }
    }

    private func located(_ utf8: [UInt8], path: [String], valueKey: String, part: String) throws -> [JSONMemberLocator.Entry] {
        do {
            return try JSONMemberLocator.entries(in: utf8, path: path, valueKey: valueKey)
        } catch let error as CopilotPrepError {
            throw CopilotPrepError(file: self.path, "part '\(part)' is \(error.message)")
        }
    }

    // MARK: Filling

    /// Sets parameters by name (`values` in any order). An unknown name is an error that lists
    /// the known ones; a Number or Logical parameter gets a value of that type.
    public mutating func set(_ values: [String: String]) throws {
        guard !values.isEmpty else { return }
        var schema = try part(Self.schemaPart)!
        var utf8 = Array(schema.text.utf8)
        let entries = try located(utf8, path: ["model", "expressions"], valueKey: "expression", part: Self.schemaPart)
        var parameters: [String: (JSONMemberLocator.Entry, ParameterExpression)] = [:]
        for entry in entries {
            if let expression = ParameterExpression(entry.text) { parameters[entry.name] = (entry, expression) }
        }
        var newExpressions: [String: String] = [:]
        for (name, value) in values {
            guard let (_, expression) = parameters[name] else {
                let known = entries.filter { parameters[$0.name] != nil }.map { "'\($0.name)'" }.joined(separator: ", ")
                throw CopilotPrepError(file: path, "has no parameter '\(name)'; its parameters are \(known.isEmpty ? "none" : known)")
            }
            do {
                newExpressions[name] = try expression.setting(value, parameter: name).text
            } catch let error as CopilotPrepError {
                throw CopilotPrepError(file: path, error.message)
            }
        }
        let schemaEdits = entries.filter { newExpressions[$0.name] != nil }
        Self.replace(schemaEdits, with: newExpressions, in: &utf8)
        schema.text = String(decoding: utf8, as: UTF8.self)
        package.replace(Self.schemaPart, with: schema.data)

        // The pending copy of the queries gets the same expressions.
        if var pending = try part(Self.pendingPart) {
            var pendingUTF8 = Array(pending.text.utf8)
            let queries = try located(pendingUTF8, path: ["queries"], valueKey: "text", part: Self.pendingPart)
            Self.replace(queries.filter { newExpressions[$0.name] != nil }, with: newExpressions, in: &pendingUTF8)
            pending.text = String(decoding: pendingUTF8, as: UTF8.self)
            package.replace(Self.pendingPart, with: pending.data)
        }
        dropSecurityBindings()
    }

    /// Replaces the located values, last first so earlier offsets stay valid.
    private static func replace(_ entries: [JSONMemberLocator.Entry], with expressions: [String: String], in utf8: inout [UInt8]) {
        for entry in entries.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            utf8.replaceSubrange(entry.range, with: JSONMemberLocator.encode(expressions[entry.name]!, asLineList: entry.isLineList))
        }
    }

    /// Drops the signature bound to the original content, and its content-type entry.
    private mutating func dropSecurityBindings() {
        guard package.member(Self.bindingsPart) != nil else { return }
        package.remove(Self.bindingsPart)
        if let types = package.member(Self.contentTypesPart) {
            let hasBOM = types.starts(with: [0xEF, 0xBB, 0xBF])
            let text = String(decoding: hasBOM ? types.dropFirst(3) : types[...], as: UTF8.self)
            let cleaned = text.replacingOccurrences(of: #"<Override[^>]*PartName="/SecurityBindings"[^>]*/>"#, with: "",
                                                    options: .regularExpression)
            package.replace(Self.contentTypesPart, with: (hasBOM ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(cleaned.utf8))
        }
    }

    /// Writes the template to `destination` (atomically); never over the file it was read from.
    public func write(to destination: String) throws {
        if InputFiles.canonical(destination) == InputFiles.canonical(path) {
            throw CopilotPrepError(file: destination, "is the template being read; write the filled copy to another path")
        }
        try package.write(to: URL(fileURLWithPath: destination))
    }
}
