import Testing
@testable import CopilotPrep

@Suite struct ByteScanTests {
    /// The rule, one byte at a time: the first LF or CR outside quotes ends the row (CRLF is one
    /// break); breaks inside quotes are counted; a CR that is the last byte may be half a CRLF.
    private func reference(_ bytes: [UInt8]) -> (rowEnd: Int?, next: Int, newlines: Int) {
        var quoted = false, newlines = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 { quoted.toggle(); index += 1; continue }
            guard byte == 0x0A || byte == 0x0D else { index += 1; continue }
            if byte == 0x0D && index + 1 == bytes.count { return (nil, index, newlines) }
            let next = byte == 0x0D && bytes[index + 1] == 0x0A ? index + 2 : index + 1
            if !quoted { return (index, next, newlines) }
            newlines += 1
            index = next
        }
        return (nil, bytes.count, newlines)
    }

    @Test func rowEndAgreesWithTheByteByByteRuleOnRandomText() {
        var generator = SeededGenerator(seed: 11)
        let alphabet = Array("aaaaaaaa\"\"\",\n\r".utf8)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 70)
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let found = bytes.withUnsafeBufferPointer { buffer in
                ByteScan.rowEnd(buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!, from: 0, end: buffer.count)
            }
            let expected = reference(bytes)
            #expect(found.rowEnd == expected.rowEnd && found.next == expected.next && found.newlines == expected.newlines,
                    "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
    }

    @Test func exactLanesMarkEveryMatchingByteAndNoOther() {
        var generator = SeededGenerator(seed: 5)
        for _ in 0..<20_000 {
            // Bytes drawn near the pattern, so borrows between lanes are exercised.
            let lanes = (0..<8).map { _ in UInt8([0x21, 0x22, 0x23, 0x00, 0xA2, 0xFF][Int(generator.next() % 6)]) }
            let word = lanes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            let expected = lanes.enumerated().reduce(UInt64(0)) { $0 | ($1.element == 0x22 ? UInt64(0x80) << (8 * UInt64($1.offset)) : 0) }
            #expect(ByteScan.exactLanes(of: word, equalTo: 0x22) == expected)
            let first = ByteScan.lanes(of: word, equalTo: 0x22)
            #expect((first == 0) == (expected == 0))
            if first != 0 { #expect(first.trailingZeroBitCount == expected.trailingZeroBitCount) }
        }
    }
}
