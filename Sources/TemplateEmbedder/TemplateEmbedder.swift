import Foundation

/// Writes a Swift source that holds the template's files as string literals:
/// `TemplateEmbedder <output.swift> <template folder> <file>...` (run by the EmbedTemplate plugin).
@main
struct TemplateEmbedder {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard arguments.count >= 2 else {
            fail("usage: TemplateEmbedder <output.swift> <template folder> <file>...")
        }
        let output = URL(fileURLWithPath: arguments[arguments.startIndex])
        let folder = URL(fileURLWithPath: arguments[arguments.startIndex + 1]).standardizedFileURL.path + "/"
        var source = """
        // Generated at build time from Template/ by the EmbedTemplate plugin: do not edit.

        extension EmbeddedTemplate {
            public static let files: [String: String] = [

        """
        for path in arguments.dropFirst(2) {
            let file = URL(fileURLWithPath: path).standardizedFileURL.path
            guard file.hasPrefix(folder) else { fail("\(file) is not inside \(folder)") }
            guard let data = FileManager.default.contents(atPath: file),
                  let text = String(data: data, encoding: .utf8) else {
                fail("\(file): cannot be read as UTF-8 text; template files must be UTF-8")
            }
            source += "        \(literal(String(file.dropFirst(folder.count)))): \(literal(text)),\n"
        }
        source += "    ]\n}\n"
        do {
            try Data(source.utf8).write(to: output, options: .atomic)
        } catch {
            fail("cannot write \(output.path): \(error.localizedDescription)")
        }
    }

    /// A Swift string literal for any text: quotes, backslashes and control characters escaped.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: TemplateEmbedder: \(message)\n".utf8))
        exit(1)
    }
}
