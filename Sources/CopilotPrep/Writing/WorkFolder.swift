import Foundation

/// A private folder for a build's temporary files (the spilled distinct-count keys), created
/// inside the output folder (or the system's temporary folder for `check`) and removed, with
/// everything in it, when the build is done, whether it succeeded or not.
final class WorkFolder {
    let url: URL

    init(inside parent: URL?) throws {
        let base = parent ?? FileManager.default.temporaryDirectory
        url = base.appendingPathComponent(".copilot-prep-work-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
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
}
