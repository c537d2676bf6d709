import Dispatch
import Foundation

/// The `--out` folder: never overwrites an input, and replaces earlier outputs only when asked.
struct OutputFolder {
    let url: URL
    /// Removes the earlier outputs `--force` replaces, in the background.
    private var discarding: DispatchGroup?
    static let reportName = "build-report.json"
    static let quarantineName = "quarantine.csv"
    static let tablesName = "tables"

    /// The names `build` writes at the top of the folder.
    static var outputNames: [String] {
        [ActivitiesWriter.fileName, LicensedUsersWriter.fileName, OrgDataWriter.fileName, quarantineName, reportName,
         CopilotUsageTemplate.fileName]
    }

    /// Checks the folder can be written without harm, then creates it and `tables/`.
    static func prepare(_ path: String, inputs: [String], force: Bool) throws -> OutputFolder {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let tables = url.appendingPathComponent(tablesName)
        var written = outputNames.map { url.appendingPathComponent($0) }
        written += TidyTable.allCases.map { tables.appendingPathComponent($0.fileName) }
        let inputSet = Set(inputs.map(InputFiles.canonical))
        for output in written where inputSet.contains(InputFiles.canonical(output.path)) {
            throw CopilotPrepError(file: output.path, "is one of the input files and would be overwritten; choose another --out folder")
        }
        let existing = written.filter { FileManager.default.fileExists(atPath: $0.path) }
        if !existing.isEmpty && !force {
            throw CopilotPrepError(file: path, "already holds outputs of an earlier build (\(existing[0].lastPathComponent)); pass --force to replace them, or choose another --out folder")
        }
        do {
            try FileManager.default.createDirectory(at: tables, withIntermediateDirectories: true)
        } catch {
            throw CopilotPrepError(file: path, "cannot create the output folder (\(error.localizedDescription)); check the path and that its parent folder is writable")
        }
        var folder = OutputFolder(url: url)
        if !existing.isEmpty { try folder.discard(existing) }
        folder.removeLeftoversOfStoppedBuilds()
        return folder
    }

    /// Hidden folders a build leaves only when it is killed (its work files, the outputs it
    /// was replacing): removed when the build that made them is no longer running.
    private func removeLeftoversOfStoppedBuilds() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in names where name.hasPrefix(WorkFolder.namePrefix) || name.hasPrefix(Self.replacedPrefix) {
            let digits = name.drop { !$0.isNumber }.prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    static let replacedPrefix = ".copilot-prep-replaced-"

    /// Moves earlier outputs into a hidden folder and deletes it on a background queue: freeing
    /// the page cache of a gigabyte of earlier output is work for the kernel that, done when the
    /// new files are renamed over the old ones, would hold up the end of the build. It also
    /// means a build that fails never leaves a mix of earlier and new outputs.
    private mutating func discard(_ outputs: [URL]) throws {
        let trash = url.appendingPathComponent(Self.replacedPrefix + "\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: trash, withIntermediateDirectories: true)
            for (index, output) in outputs.enumerated() {
                try FileManager.default.moveItem(at: output, to: trash.appendingPathComponent("\(index)-\(output.lastPathComponent)"))
            }
        } catch {
            throw CopilotPrepError(file: url.path, "cannot replace the earlier outputs (\(error.localizedDescription)); check the folder is writable")
        }
        let group = DispatchGroup()
        DispatchQueue.global(qos: .utility).async(group: group) { try? FileManager.default.removeItem(at: trash) }
        discarding = group
    }

    /// Waits until replaced outputs are deleted (before the process may exit).
    func waitForDiscardedOutputs() {
        discarding?.wait()
    }

    var tables: URL { url.appendingPathComponent(Self.tablesName) }
}
