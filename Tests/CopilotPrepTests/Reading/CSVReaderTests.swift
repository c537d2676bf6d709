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

    /// A field copied as written must be exactly what the encoder writes: only fields in quotes,
    /// inner quotes doubled and nothing after the closing quote qualify.
    @Test func fieldsQuotedExactlyAsRFC4180AreMarkedWithTheirRawBytes() {
        let row = Array(#""{""a"":1}",plain,"{""a"":1}"x,"",  "b","""","x,y""#.utf8)
        var fields = AuditRowFields()
        let complete = fields.split(row[...], delimiter: UInt8(ascii: ","))
        #expect(complete)
        #expect((0..<7).map { String(decoding: fields.field($0), as: UTF8.self) }
            == [#"{"a":1}"#, "plain", #"{"a":1}x"#, "", #"  "b""#, #"""#, "x,y"])
        #expect(fields.quotedAsWritten(0).map { String(decoding: $0, as: UTF8.self) } == #""{""a"":1}""#)
        #expect(fields.quotedAsWritten(1) == nil && fields.quotedAsWritten(2) == nil && fields.quotedAsWritten(4) == nil)
        #expect(fields.quotedAsWritten(3).map(Array.init) == Array(#""""#.utf8))
        #expect(fields.quotedAsWritten(5).map { String(decoding: $0, as: UTF8.self) } == #""""""#)
        // The build copies such a field when the encoder would quote it: then, and only then,
        // the copy is what the encoder writes (an empty "" is written as nothing).
        for index in [0, 3, 5, 6] {
            var encoded: [UInt8] = []
            CSVRowEncoder.appendField(fields.field(index), to: &encoded)
            let needsQuotes = fields.field(index).withUnsafeBufferPointer { CSVRowEncoder.needsQuotes($0, delimiter: UInt8(ascii: ",")) }
            #expect((encoded[...] == fields.quotedAsWritten(index)!) == needsQuotes, "field \(index)")
            #expect(needsQuotes == (index != 3))
        }
    }

    /// The splitting rule written plainly: in quotes until a quote not followed by another,
    /// doubled quotes give one, text after a closing quote is kept.
    private static func referenceSplit(_ row: [UInt8], delimiter: UInt8) -> (fields: [[UInt8]], closed: Bool) {
        var fields: [[UInt8]] = [], current: [UInt8] = [], index = 0, closed = true
        while true {
            if index < row.count && row[index] == 0x22 {
                index += 1
                while true {
                    guard index < row.count else { closed = false; break }
                    if row[index] == 0x22 {
                        if index + 1 < row.count && row[index + 1] == 0x22 { current.append(0x22); index += 2; continue }
                        index += 1
                        break
                    }
                    current.append(row[index])
                    index += 1
                }
            }
            while index < row.count && row[index] != delimiter { current.append(row[index]); index += 1 }
            fields.append(current)
            current = []
            if index >= row.count { return (fields, closed) }
            index += 1
        }
    }

    @Test func splittingAgreesWithThePlainRuleOnRandomRows() {
        var generator = SeededGenerator(seed: 3)
        let alphabet = Array("abcdefgh\"\"\",;é".utf8)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 90)
            let row = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var fields = AuditRowFields()
            let closed = fields.split(row[...], delimiter: UInt8(ascii: ","))
            let expected = Self.referenceSplit(row, delimiter: UInt8(ascii: ","))
            let got = (0..<expected.fields.count).map { Array(fields.field($0)) }
            #expect(closed == expected.closed && got == expected.fields && fields.ends.count == expected.fields.count,
                    "\(String(decoding: row, as: UTF8.self).debugDescription)")
        }
    }
}
