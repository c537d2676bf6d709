import Foundation

/// Writes a file under a temporary name in the same folder and renames it into place when it
/// is complete, so a crash or an error never leaves a half-written output behind.
public struct AtomicFile {
    public let destination: URL
    public let temporary: URL

    public init(_ destination: URL) {
        self.destination = destination
        let name = ".\(destination.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)"
        self.temporary = destination.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Moves the finished temporary file over the destination.
    public func commit() throws {
        if rename(temporary.path, destination.path) != 0 {
            let reason = String(cString: strerror(errno))
            throw CopilotPrepError(file: destination.path, "cannot write the output (\(reason)); check the folder is writable")
        }
    }

    /// Removes the temporary file after a failure.
    public func discard() {
        unlink(temporary.path)
    }

    /// Writes `data` to `destination` atomically.
    public static func write(_ data: Data, to destination: URL) throws {
        let file = AtomicFile(destination)
        do {
            try data.write(to: file.temporary)
            try file.commit()
        } catch let error as CopilotPrepError {
            file.discard()
            throw error
        } catch {
            file.discard()
            throw CopilotPrepError(file: destination.path, "cannot write the output (\(error.localizedDescription)); check the folder is writable and has free space")
        }
    }
}
