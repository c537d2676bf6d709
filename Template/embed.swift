// Regenerates Sources/CopilotPrep/PowerBI/EmbeddedTemplate.swift from the files of Template/,
// so the copilot-prep binary carries the template (it works when copied alone).
// Run from the repository root after editing Template/:   swift Template/embed.swift
import Foundation

let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let template = root.appendingPathComponent("Template")
let skipped: Set<String> = ["README.md", "embed.swift"]
var files: [(String, String)] = []
let enumerator = FileManager.default.enumerator(atPath: template.path)!
while let path = enumerator.nextObject() as? String {
    var isDirectory: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: template.appendingPathComponent(path).path, isDirectory: &isDirectory)
    guard !isDirectory.boolValue, !skipped.contains(path), !path.hasPrefix(".") else { continue }
    let text = try String(contentsOf: template.appendingPathComponent(path), encoding: .utf8)
    files.append((path, text))
}
files.sort { $0.0 < $1.0 }
var source = """
// Generated from Template/ by `swift Template/embed.swift`: do not edit by hand.
// EmbeddedTemplateTests fails when this file and Template/ differ.

/// The files of Template/, carried inside the binary.
enum EmbeddedTemplate {
    static let files: [String: String] = [

"""
for (path, text) in files {
    precondition(!text.contains("\"\"\"####"), "\(path) holds the raw-string delimiter")
    source += "        \"\(path)\": ####\"\"\"\n\(text)\n\"\"\"####,\n"
}
source += "    ]\n}\n"
let output = root.appendingPathComponent("Sources/CopilotPrep/PowerBI/EmbeddedTemplate.swift")
try source.write(to: output, atomically: true, encoding: .utf8)
print("Wrote \(output.path) with \(files.count) files.")
