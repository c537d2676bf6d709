import Foundation
@testable import CopilotPrep

/// A whole CSV output read back with the project's own (separately tested) reader.
struct CSVTable {
    var header: [String]
    var rows: [[String]]

    init(_ path: String) throws {
        let reader = try CSVReader(url: URL(fileURLWithPath: path))
        header = reader.header
        rows = []
        while try reader.nextRow() { rows.append((0..<reader.fieldCount).map(reader.string)) }
    }

    func column(_ name: String) -> [String] {
        let index = header.firstIndex(of: name)!
        return rows.map { $0[index] }
    }
}
