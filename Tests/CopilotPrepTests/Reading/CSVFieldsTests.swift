import Testing
@testable import CopilotPrep

@Suite struct CSVFieldsTests {
    /// A field copied as written must be exactly what the encoder writes: only fields in quotes,
    /// inner quotes doubled and nothing after the closing quote qualify.
    @Test func fieldsQuotedExactlyAsRFC4180AreMarkedWithTheirRawBytes() {
        let row = Array(#""{""a"":1}",plain,"{""a"":1}"x,"",  "b","""","x,y""#.utf8)
        var fields = CSVFields()
        let complete = fields.split(row[...], delimiter: UInt8(ascii: ","))
        #expect(complete)
        #expect((0..<7).map { String(decoding: fields.field($0), as: UTF8.self) }
            == [#"{"a":1}"#, "plain", #"{"a":1}x"#, "", #"  "b""#, #"""#, "x,y"])
        #expect(fields.quotedAsWritten(0, in: row[...]).map { String(decoding: $0, as: UTF8.self) } == #""{""a"":1}""#)
        #expect(fields.quotedAsWritten(1, in: row[...]) == nil && fields.quotedAsWritten(2, in: row[...]) == nil && fields.quotedAsWritten(4, in: row[...]) == nil)
        #expect(fields.quotedAsWritten(3, in: row[...]).map(Array.init) == Array(#""""#.utf8))
        #expect(fields.quotedAsWritten(5, in: row[...]).map { String(decoding: $0, as: UTF8.self) } == #""""""#)
        // The build copies such a field when the encoder would quote it: then, and only then,
        // the copy is what the encoder writes (an empty "" is written as nothing).
        for index in [0, 3, 5, 6] {
            var encoded: [UInt8] = []
            CSVRowEncoder.appendField(fields.field(index), to: &encoded)
            let needsQuotes = fields.field(index).withUnsafeBufferPointer { CSVRowEncoder.needsQuotes($0, delimiter: UInt8(ascii: ",")) }
            #expect((encoded[...] == fields.quotedAsWritten(index, in: row[...])!) == needsQuotes, "field \(index)")
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
            var fields = CSVFields()
            let closed = fields.split(row[...], delimiter: UInt8(ascii: ","))
            let expected = Self.referenceSplit(row, delimiter: UInt8(ascii: ","))
            let got = (0..<expected.fields.count).map { Array(fields.field($0)) }
            #expect(closed == expected.closed && got == expected.fields && fields.count == expected.fields.count,
                    "\(String(decoding: row, as: UTF8.self).debugDescription)")
        }
    }
}
