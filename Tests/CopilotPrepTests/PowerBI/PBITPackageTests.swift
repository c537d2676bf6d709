import Foundation
import Testing
@testable import CopilotPrep

@Suite struct PBITPackageTests {
    @Test func writingIntoAMissingFolderSaysWhichFolderAndWhatToDo() throws {
        let folder = TemporaryFolder()
        let destination = folder.url.appendingPathComponent("missing/CopilotUsage.pbit")
        #expect(throws: CopilotPrepError(file: destination.path, "cannot be written: the folder \(folder.path("missing")) does not exist; create it or choose another path")) {
            try PBITPackage(members: [.init(name: "Version", data: Data())]).write(to: destination)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing left behind")
    }
}
