import Testing
@testable import CopilotPrep

@Suite struct UTF8TranscoderTests {
    /// Feeds `bytes` in chunks of every size from 1 to 7 and returns what comes out each time.
    private func transcodeInChunks(_ bytes: [UInt8], _ encoding: TextEncoding) -> [[UInt8]] {
        (1...7).map { size in
            var transcoder = UTF8Transcoder(encoding: encoding)
            var output: [UInt8] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                bytes[start..<end].withUnsafeBufferPointer { transcoder.transcode($0, isLast: end == bytes.count, into: &output) }
                start = end
            }
            return output
        }
    }

    @Test func utf8SequencesSplitAcrossChunksSurvive() {
        let text = "Müller 営業部 😀 end"
        for output in transcodeInChunks(Array(text.utf8), .utf8) {
            #expect(String(decoding: output, as: UTF8.self) == text)
        }
    }

    @Test func utf16SurrogatePairsSplitAcrossChunksSurvive() {
        let text = "a😀b営"
        let le = Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = Array(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for output in transcodeInChunks(le, .utf16LE) { #expect(String(decoding: output, as: UTF8.self) == text) }
        for output in transcodeInChunks(be, .utf16BE) { #expect(String(decoding: output, as: UTF8.self) == text) }
    }

    @Test func windows1252MapsItsOwnCharacters() {
        // é (0xE9), € (0x80), ’ (0x92)
        for output in transcodeInChunks([0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x92], .windows1252) {
            #expect(String(decoding: output, as: UTF8.self) == "Café €’")
        }
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        var transcoder = UTF8Transcoder(encoding: .utf8)
        var output: [UInt8] = []
        [0x61, 0xFF, 0x62].withUnsafeBufferPointer { transcoder.transcode($0, isLast: true, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "a\u{FFFD}b")
        #expect(transcoder.replacements == 1)
    }
}
