import Testing
@testable import CopilotPrep

@Test func versionIsSemantic() {
    #expect(CopilotPrep.version.split(separator: ".").count == 3)
}
