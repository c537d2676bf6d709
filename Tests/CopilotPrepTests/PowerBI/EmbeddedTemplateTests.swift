import Foundation
import Testing
import TemplateFiles

@Suite struct EmbeddedTemplateTests {
    /// Template/ in this checkout.
    private static let templateFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Template")

    @Test func theBinaryCarriesExactlyTheFilesOfTemplate() throws {
        var onDisk: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: Self.templateFolder.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: Self.templateFolder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if isDirectory.boolValue || path == "README.md" || path.hasSuffix(".swift") || path.hasPrefix(".") { continue }
            onDisk[path] = try String(contentsOf: Self.templateFolder.appendingPathComponent(path), encoding: .utf8)
        }
        #expect(!onDisk.isEmpty)
        #expect(Set(onDisk.keys) == Set(EmbeddedTemplate.files.keys), "the EmbedTemplate plugin missed files")
        for (path, text) in onDisk {
            #expect(EmbeddedTemplate.files[path] == text, "\(path) differs from what the binary carries")
        }
    }
}
