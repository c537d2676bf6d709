import Foundation
import Testing
@testable import CopilotPrep

@Suite struct Windows1252TextTests {
    private func decoded(_ value: String) -> (text: String, encoded: Windows1252Text.Encoded) {
        let encoded = Windows1252Text.encode(value)
        return (String(data: Data(encoded.bytes), encoding: .windowsCP1252)!, encoded)
    }

    @Test func latinTextSurvivesUnchanged() {
        let (text, encoded) = decoded("Müller – Recherche & Développement €")
        #expect(text == "Müller – Recherche & Développement €")
        #expect(!encoded.hadUnmappable && !encoded.hadSeparators)
    }

    @Test func separatorsBecomeLookAlikesThatCannotSplitARow() {
        let (text, encoded) = decoded("Sales, \"EMEA\"\r\nWest")
        #expect(!text.contains(",") && !text.contains("\"") && !text.contains("\n") && !text.contains("\r"))
        #expect(text == "Sales‚ ”EMEA”  West")
        #expect(encoded.hadSeparators)
    }

    @Test func lettersOutside1252AreTransliteratedOrReplaced() {
        #expect(decoded("Łódź Győsi").text == "Lódz Gyosi")
        let (text, encoded) = decoded("営業部")
        #expect(text == "???")
        #expect(encoded.hadUnmappable)
    }
}
