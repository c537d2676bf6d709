import Testing
@testable import CopilotPrep

@Suite struct TextEncodingTests {
    @Test func byteOrderMarksDecide() {
        #expect(TextEncoding.detect([0xEF, 0xBB, 0xBF, 0x61], isWholeFile: true) == .success(.utf8BOM))
        #expect(TextEncoding.detect([0xFF, 0xFE, 0x61, 0x00], isWholeFile: true) == .success(.utf16LE))
        #expect(TextEncoding.detect([0xFE, 0xFF, 0x00, 0x61], isWholeFile: true) == .success(.utf16BE))
    }

    @Test func utf16WithoutBOMIsRecognisedByItsZeroBytes() {
        let bytes = Array("a,b\r\nc,d\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(TextEncoding.detect(bytes, isWholeFile: true) == .success(.utf16LE))
    }

    @Test func validUTF8WithoutBOMIsUTF8AndOtherwiseWindows1252() {
        #expect(TextEncoding.detect(Array("Müller,x".utf8), isWholeFile: true) == .success(.utf8))
        #expect(TextEncoding.detect([0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72], isWholeFile: true) == .success(.windows1252))
    }

    @Test func aSequenceCutByThePrefixEndIsNotMistakenForWindows1252() {
        let cut = Array("Müller".utf8).prefix(2)  // "M" + first byte of ü
        #expect(TextEncoding.detect(Array(cut), isWholeFile: false) == .success(.utf8))
        #expect(TextEncoding.detect(Array(cut), isWholeFile: true) == .success(.windows1252))
    }

    @Test func emptyBinaryAndUTF32AreRefused() {
        #expect(TextEncoding.detect([], isWholeFile: true) == .failure(.empty))
        #expect(TextEncoding.detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48], isWholeFile: true) == .failure(.binary))
        #expect(TextEncoding.detect([0xFF, 0xFE, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00], isWholeFile: true) == .failure(.utf32))
    }
}
