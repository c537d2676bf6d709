import Foundation

/// A private folder for a build's temporary files (the spilled distinct-count keys), created
/// inside the output folder (or the system's temporary folder for `check`) and removed, with
/// everything in it, when the build is done, whether it succeeded or not.
final class WorkFolder {
    let url: URL
    static let namePrefix = ".copilot-prep-work-"

    init(inside parent: URL?) throws {
        let base = parent ?? FileManager.default.temporaryDirectory
        url = base.appendingPathComponent(Self.namePrefix + "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CopilotPrepError(file: base.path, "cannot create a temporary folder here (\(error.localizedDescription)); check it is writable")
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The fixed-size values in a work file (as written by `write` or appended raw).
    static func values<Element: BitwiseCopyable>(of _: Element.Type, in url: URL) throws -> [Element] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CopilotPrepError(file: url.path, "cannot read back a temporary file of this build; check nothing removes files from the output folder while a build runs, and run the build again")
        }
        let stride = MemoryLayout<Element>.stride
        return data.withUnsafeBytes { raw in
            [Element](unsafeUninitializedCapacity: raw.count / stride) { buffer, count in
                count = raw.count / stride
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[..<(count * stride)]))
            }
        }
    }

    /// Writes `values` as the whole content of a work file.
    static func write<Element: BitwiseCopyable>(_ values: [Element], to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: values.withUnsafeBytes { Data($0) }) else {
            throw CopilotPrepError(file: url.path, "cannot write a temporary file; check there is free space in the output folder")
        }
    }
}
