import Foundation

/// Resolves the paths a user gave into the files to read.
enum InputFiles {
    /// Each audit path as a file, or the `.csv` files directly inside a folder, sorted by name
    /// (so de-duplication, where the first copy of a record wins, does not depend on the disk).
    static func auditFiles(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw CopilotPrepError(file: path, "no such file or folder; check the --audit path")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let csvs = names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            guard !csvs.isEmpty else {
                throw CopilotPrepError(file: path, "this folder holds no .csv file; point --audit at the exported CSV files")
            }
            files += csvs.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    /// The absolute, symlink-resolved form of a path, for comparing files.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
