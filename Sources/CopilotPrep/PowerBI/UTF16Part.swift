import Foundation

/// A .pbit part stored as UTF-16LE text: decoded for editing and encoded back with the same
/// byte-order-mark state (Desktop's own parts have none; some tools add one).
struct UTF16Part {
    var text: String
    let hasBOM: Bool

    init(_ data: Data, name: String, file: String) throws {
        hasBOM = data.starts(with: [0xFF, 0xFE])
        let body = hasBOM ? data.dropFirst(2) : data[...]
        guard body.count % 2 == 0, let text = String(data: body, encoding: .utf16LittleEndian) else {
            throw CopilotPrepError(file: file, "part '\(name)' is not UTF-16LE text; the template is damaged")
        }
        self.text = text
    }

    var data: Data {
        (hasBOM ? Data([0xFF, 0xFE]) : Data()) + text.data(using: .utf16LittleEndian)!
    }
}
