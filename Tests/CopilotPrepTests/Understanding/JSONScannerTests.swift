import Testing
@testable import CopilotPrep

@Suite struct JSONScannerTests {
    /// Scans one JSON string literal; its decoded bytes, or the failure.
    private func decode(_ literal: [UInt8]) -> Result<[UInt8], JSONScanner.Failure> {
        literal.withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            do throws(JSONScanner.Failure) {
                let token = try scanner.scanString()
                var output: [UInt8] = []
                try scanner.decodeString(token, into: &output)
                return .success(output)
            } catch {
                return .failure(error)
            }
        }
    }

    /// The scanner reads eight bytes at a time: a quote, an escape, a control character or a
    /// multi-byte character must be found at every offset within and across those words.
    @Test func specialBytesAtEveryOffsetOfTheWordAtATimeScan() throws {
        for offset in 0..<20 {
            let before = Array(repeating: UInt8(ascii: "a"), count: offset)
            let after = Array("bcdefghijklmnop".utf8)
            let quoted = decode([0x22] + before + Array(#"\""#.utf8) + after + [0x22])
            #expect(try quoted.get() == before + [0x22] + after)
            let accented = decode([0x22] + before + Array("é€😀\\u00e9\\\\".utf8) + after + [0x22])
            #expect(try accented.get() == before + Array("é€😀é\\".utf8) + after)
            let ends = decode([0x22] + before + [0x22] + after)
            #expect(try ends.get() == before)
            for control: UInt8 in [0x00, 0x0A, 0x1F] {
                guard case .failure(let failure) = decode([0x22] + before + [control] + after + [0x22]) else {
                    Issue.record("control character \(control) at \(offset) accepted")
                    continue
                }
                #expect(failure.offset == 1 + offset && failure.reason.contains("control"))
            }
            guard case .failure(let open) = decode([0x22] + before + after) else {
                Issue.record("unterminated string at \(offset) accepted")
                continue
            }
            #expect(open.endedEarly)
        }
    }
}
