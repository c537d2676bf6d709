import Testing
@testable import CopilotPrep

@Suite struct RecordIdentityTests {
    @Test func guidsMatchWhateverTheirCase() {
        let lower = RecordIdentity(Array("8a6f2c52-1b7e-4a3c-9d1e-00000000abcd".utf8))
        let upper = RecordIdentity(Array("8A6F2C52-1B7E-4A3C-9D1E-00000000ABCD".utf8))
        #expect(lower == upper)
        #expect(lower != RecordIdentity(Array("8a6f2c52-1b7e-4a3c-9d1e-00000000abce".utf8)))
    }

    @Test func otherIdsAreComparedExactly() {
        #expect(RecordIdentity(Array("rec-1".utf8)) == RecordIdentity(Array("rec-1".utf8)))
        #expect(RecordIdentity(Array("rec-1".utf8)) != RecordIdentity(Array("REC-1".utf8)))
        #expect(RecordIdentity(Array("ab".utf8)) != RecordIdentity(Array("ba".utf8)))
    }
}
