import Foundation

/// Finds, without re-serialising anything, where named entries of a JSON list keep a value:
/// e.g. each `model.expressions[]` entry's `expression`, by its `name`. Edits then replace
/// exactly those bytes, so the rest of a part stays byte for byte as Desktop wrote it.
enum JSONMemberLocator {
    struct Entry {
        var name: String
        /// Byte range (in the UTF-8 text) of the value of the wanted key.
        var range: Range<Int>
        /// The value: one string, or a list of lines joined with line feeds.
        var text: String
        var isLineList: Bool
    }

    /// Entries of the list at `path` (object keys from the root) that have a string `name` and a
    /// `valueKey` holding a string or a list of strings.
    static func entries(in utf8: [UInt8], path: [String], valueKey: String) throws -> [Entry] {
        var found: [Entry] = []
        do {
            try utf8.withUnsafeBufferPointer { (buffer) throws(JSONScanner.Failure) in
                var scanner = JSONScanner(buffer)
                try descend(&scanner, path: path[...], valueKey: valueKey, into: &found)
            }
        } catch {
            throw CopilotPrepError("not valid JSON (\(error.reason) at byte \(error.offset))")
        }
        return found
    }

    private static func descend(_ scanner: inout JSONScanner, path: ArraySlice<String>, valueKey: String,
                                into found: inout [Entry]) throws(JSONScanner.Failure) {
        guard let key = path.first else {
            guard try scanner.peekKind() == .array else { try scanner.skipValue(); return }
            try scanner.forEachElement { (scanner) throws(JSONScanner.Failure) in
                guard try scanner.peekKind() == .object else { try scanner.skipValue(); return }
                var name: String?
                var value: (Range<Int>, String, Bool)?
                try scanner.forEachMember { (scanner, member) throws(JSONScanner.Failure) in
                    let memberName = String(decoding: member, as: UTF8.self)
                    if memberName == "name", try scanner.peekKind() == .string {
                        let range = try scanner.skipValue()
                        name = decode(scanner.slice(range)) as? String
                    } else if memberName == valueKey {
                        let range = try scanner.skipValue()
                        let decoded = decode(scanner.slice(range))
                        if let text = decoded as? String {
                            value = (range, text, false)
                        } else if let lines = decoded as? [String] {
                            value = (range, lines.joined(separator: "\n"), true)
                        }
                    } else {
                        try scanner.skipValue()
                    }
                }
                if let name, let value { found.append(Entry(name: name, range: value.0, text: value.1, isLineList: value.2)) }
            }
            return
        }
        guard try scanner.peekKind() == .object else { try scanner.skipValue(); return }
        try scanner.forEachMember { (scanner, member) throws(JSONScanner.Failure) in
            if String(decoding: member, as: UTF8.self) == key {
                try descend(&scanner, path: path.dropFirst(), valueKey: valueKey, into: &found)
            } else {
                try scanner.skipValue()
            }
        }
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    /// The JSON form of a new value, in the form the old one had (a string, or a list of lines).
    static func encode(_ text: String, asLineList: Bool) -> [UInt8] {
        var output: [UInt8] = []
        if asLineList {
            output.append(UInt8(ascii: "["))
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringLiteral.append(String(line), to: &output, escapingSlashes: false)
            }
            output.append(UInt8(ascii: "]"))
        } else {
            JSONStringLiteral.append(text, to: &output, escapingSlashes: false)
        }
        return output
    }
}
