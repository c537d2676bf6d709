import Foundation

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("copilot-prep-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ data: Data) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, text: String, encoding: FixtureEncoding = .utf8BOM) -> String {
        write(name, encoding.encode(text))
    }

    func read(_ name: String) -> Data {
        try! Data(contentsOf: url.appendingPathComponent(name))
    }

    func readText(_ name: String) -> String {
        String(decoding: read(name), as: UTF8.self)
    }
}

/// Encodings real exports arrive in, for writing fixtures.
enum FixtureEncoding {
    case utf8, utf8BOM, utf16LEBOM, utf16BEBOM, windows1252

    func encode(_ text: String) -> Data {
        switch self {
        case .utf8: Data(text.utf8)
        case .utf8BOM: Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
        case .utf16LEBOM: Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!
        case .utf16BEBOM: Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!
        case .windows1252: text.data(using: .windowsCP1252)!
        }
    }
}
