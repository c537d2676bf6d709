import Foundation
import Testing
@testable import CopilotPrep

@Suite struct CSVReaderTests {
    private func rows(_ reader: CSVReader) throws -> [(line: Int, fields: [String])] {
        var rows: [(Int, [String])] = []
        while try reader.nextRow() { rows.append((reader.line, (0..<reader.fieldCount).map(reader.string))) }
        return rows
    }

    @Test func quotedFieldsWithDoubledQuotesCommasAndLineBreaks() throws {
        let folder = TemporaryFolder()
        let path = folder.write("a.csv", text: "id,text\r\n1,\"a \"\"quoted\"\", value\r\nwith a break\"\r\n2,plain\r\n")
        let reader = try CSVReader(url: URL(fileURLWithPath: path))
        #expect(reader.header == ["id", "text"])
        let rows = try rows(reader)
        #expect(rows.count == 2)
        #expect(rows[0].fields == ["1", "a \"quoted\", value\r\nwith a break"])
        #expect(rows[0].line == 2)
        #expect(rows[1].line == 4)  // the quoted break counts as a physical line
        #expect(rows[1].fields == ["2", "plain"])
    }

    @Test(arguments: [("a;b\n1;2\n", UInt8(ascii: ";")), ("a\tb\n1\t2\n", UInt8(ascii: "\t")), ("a,b\n1,2\n", UInt8(ascii: ","))])
    func delimiterIsDetectedFromTheHeader(text: String, delimiter: UInt8) throws {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("d.csv", text: text, encoding: .utf8)))
        #expect(reader.dialect.delimiter == delimiter)
        #expect(try rows(reader).map(\.fields) == [["1", "2"]])
    }

    @Test func excelSepLineNamesTheDelimiter() throws {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("s.csv", text: "sep=;\na;b,c\n1;2,3\n", encoding: .utf8)))
        #expect(reader.header == ["a", "b,c"])
        let rows = try rows(reader)
        #expect(rows.first?.fields == ["1", "2,3"])
        #expect(rows.first?.line == 3)
    }

    @Test(arguments: [FixtureEncoding.utf8, .utf8BOM, .utf16LEBOM, .utf16BEBOM, .windows1252])
    func everyEncodingReadsTheSameRows(encoding: FixtureEncoding) throws {
        let folder = TemporaryFolder()
        let text = "User,Department\r\nzoë@contoso.com,Recherche & Développement\r\n"
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("e.csv", text: text, encoding: encoding)))
        #expect(reader.header == ["User", "Department"])
        #expect(try rows(reader).map(\.fields) == [["zoë@contoso.com", "Recherche & Développement"]])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndings(ending: String) throws {
        let folder = TemporaryFolder()
        let text = ["a,b", "1,2", "3,4"].joined(separator: ending) + ending
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("l.csv", text: text, encoding: .utf8)))
        let rows = try rows(reader)
        #expect(rows.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [2, 3])
    }

    @Test func fieldsOfSeveralMegabytesAcrossChunks() throws {
        let folder = TemporaryFolder()
        let big = String(repeating: "x\"y,", count: 1_500_000)  // 6 MB, quotes doubled when written
        let text = "id,data\n1,\"\(big.replacingOccurrences(of: "\"", with: "\"\""))\"\n2,small\n"
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("big.csv", text: text, encoding: .utf8)))
        let rows = try rows(reader)
        #expect(rows.count == 2)
        #expect(rows[0].fields[1] == big)
        #expect(rows[1].fields == ["2", "small"])
    }

    @Test func rawRowIsTheRowAsWritten() throws {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("r.csv", text: "a,b\n\"x,\"\"y\",z\n", encoding: .utf8)))
        #expect(try reader.nextRow())
        #expect(reader.rawRow == "\"x,\"\"y\",z")
    }

    @Test func blankLinesAreNotRows() throws {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("b.csv", text: "a,b\n\n1,2\n\n", encoding: .utf8)))
        #expect(try rows(reader).map(\.fields) == [["1", "2"]])
    }

    @Test func headerOnlyHasNoRows() throws {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("h.csv", text: "a,b\r\n")))
        #expect(try !reader.nextRow())
    }

    @Test func badFilesGiveMessagesNamingTheFile() throws {
        let folder = TemporaryFolder()
        let empty = folder.write("empty.csv", Data())
        let binary = folder.write("image.csv", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]))
        let missing = folder.path("nope.csv")
        for (path, fragment) in [(empty, "is empty"), (binary, "not a text file"), (missing, "no such file"), (folder.url.path, "is a folder")] {
            let error = #expect(throws: CopilotPrepError.self) { try CSVReader(url: URL(fileURLWithPath: path)) }
            #expect(error?.file == path)
            #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "")")
        }
    }
}
