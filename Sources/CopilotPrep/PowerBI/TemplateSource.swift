import Foundation
import TemplateFiles

/// Our report as the readable files of Template/ (embedded in the binary): tables with typed
/// columns, M queries, DAX measures, relationships and report pages.
struct TemplateSource {
    struct Column: Decodable {
        var name: String
        /// text, int, date, datetime, bool or double.
        var type: String
    }

    /// A column computed in the model by DAX (a label, not data `build` writes).
    struct CalculatedColumn: Decodable {
        var name: String
        var type: String
        var expression: String
    }

    struct Table: Decodable {
        var name: String
        var description: String
        var role: String
        /// The M query file for a table loaded from CSV.
        var query: String?
        /// The DAX file of a calculated table.
        var calculated: String?
        var columns: [Column]
        var calculatedColumns: [CalculatedColumn]?
        var hiddenColumns: [String]?
    }

    struct Measure {
        var name: String
        var table: String
        var formatString: String
        var expression: String
    }

    struct Relationship: Decodable {
        var from: String
        var to: String
    }

    struct Visual: Decodable {
        var type: String
        var title: String?
        /// x, y, width, height.
        var position: [Double]
        /// `table.column` on the axis.
        var category: String?
        /// `table.column` splitting the values into one line or bar per value (the legend).
        var series: String?
        /// `[Measure]` or `table.column` values.
        var values: [String]
    }

    struct Page: Decodable {
        var name: String
        var visuals: [Visual]
        /// Where the page came from, for error messages.
        var file = ""

        enum CodingKeys: String, CodingKey { case name, visuals }
    }

    struct Model: Decodable {
        var name: String
        var description: String
        var culture: String
        var compatibilityLevel: Int
        var parameter: String
        /// Shown under the parameter's name when Desktop asks for its value.
        var parameterDescription: String
        var tableOrder: [String]
    }

    var model: Model
    var tables: [Table]
    var queries: [String: String]
    var measures: [Measure]
    var relationships: [Relationship]
    var pages: [Page]

    /// Parses `files` (paths relative to Template/ and their text).
    init(files: [String: String] = EmbeddedTemplate.files) throws {
        let decoder = JSONDecoder()
        func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
            guard let text = files[path] else { throw CopilotPrepError(file: "Template/\(path)", "is missing from the template") }
            do {
                return try decoder.decode(type, from: Data(text.utf8))
            } catch {
                throw CopilotPrepError(file: "Template/\(path)", "is not a valid template file: \(error)")
            }
        }
        model = try decode(Model.self, "model.json")
        tables = try model.tableOrder.map { try decode(Table.self, "tables/\($0).json") }
        queries = files.filter { $0.key.hasPrefix("queries/") }.reduce(into: [:]) { $0[String($1.key.dropFirst("queries/".count))] = $1.value }
        measures = try files.filter { $0.key.hasPrefix("measures/") && $0.key.hasSuffix(".dax") }.sorted { $0.key < $1.key }.map { path, text in
            let name = String(path.dropFirst("measures/".count).dropLast(".dax".count))
            var table: String?, format = ""
            var body: [Substring] = []
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("-- table:") { table = line.dropFirst("-- table:".count).trimmingCharacters(in: .whitespaces) }
                else if line.hasPrefix("-- format:") { format = line.dropFirst("-- format:".count).trimmingCharacters(in: .whitespaces) }
                else { body.append(line) }
            }
            guard let table else { throw CopilotPrepError(file: "Template/\(path)", "needs a '-- table: <name>' line") }
            return Measure(name: name, table: table, formatString: format,
                           expression: body.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        relationships = try decode([Relationship].self, "relationships.json")
        pages = try files.keys.filter { $0.hasPrefix("report/") }.sorted().map { path in
            var page = try decode(Page.self, path)
            page.file = "Template/\(path)"
            return page
        }
    }

    func query(_ name: String) throws -> String {
        guard let text = queries[name] else { throw CopilotPrepError(file: "Template/queries/\(name)", "is missing from the template") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
