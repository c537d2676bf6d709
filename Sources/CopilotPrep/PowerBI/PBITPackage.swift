import Foundation
import ZIPFoundation

/// The members of a .pbit (a ZIP archive) in their stored order, decompressed.
///
/// ZIPFoundation does the ZIP work (we own no Deflate or CRC code); this type adds the rules
/// Power BI Desktop's reader enforces: relative `/`-separated member names that stay inside the
/// archive, Deflate for every member, and the member order kept as found.
public struct PBITPackage: Sendable, Equatable {
    public struct Member: Sendable, Equatable {
        public var name: String
        public var data: Data

        public init(name: String, data: Data) {
            self.name = name
            self.data = data
        }
    }

    public var members: [Member]

    public init(members: [Member]) {
        self.members = members
    }

    /// The member called `name`, if present.
    public func member(_ name: String) -> Data? {
        members.first { $0.name == name }?.data
    }

    /// Replaces the data of an existing member, keeping its position; returns false if absent.
    @discardableResult
    public mutating func replace(_ name: String, with data: Data) -> Bool {
        guard let index = members.firstIndex(where: { $0.name == name }) else { return false }
        members[index].data = data
        return true
    }

    /// Removes a member if present.
    public mutating func remove(_ name: String) {
        members.removeAll { $0.name == name }
    }

    /// Reads every member of the archive at `url`, refusing archives Desktop would refuse and
    /// names that could escape a folder when extracted.
    public static func read(from url: URL) throws -> PBITPackage {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CopilotPrepError(file: path, "no such file; check the path")
        }
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw CopilotPrepError(file: path, "not a ZIP archive, so not a Power BI template (.pbit); choose the .pbit file itself")
        }
        var members: [Member] = []
        var seen = Set<String>()
        for entry in archive {
            let name = entry.path
            guard entry.type == .file else { continue }
            guard isSafeMemberName(name) else {
                throw CopilotPrepError(file: path, "member name '\(name)' would escape the archive's folder; refusing this file")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw CopilotPrepError(file: path, "member '\(name)' appears twice (names must be unique ignoring case)")
            }
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in data.append(chunk) }
            } catch {
                throw CopilotPrepError(file: path, "member '\(name)' cannot be decompressed (\(error)); the file is damaged")
            }
            members.append(Member(name: name, data: data))
        }
        return PBITPackage(members: members)
    }

    /// Writes the members in order, Deflate-compressed, atomically (temporary name, then rename).
    /// Member times are fixed so the same members always give the same bytes.
    public func write(to url: URL) throws {
        // ZIPFoundation's own error for a missing folder names the temporary file, not the one asked for.
        let folder = url.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CopilotPrepError(file: url.path, "cannot be written: the folder \(folder.path) does not exist; create it or choose another path")
        }
        let file = AtomicFile(url)
        file.discard()
        do {
            let archive = try Archive(url: file.temporary, accessMode: .create)
            for member in members {
                let data = member.data
                try archive.addEntry(
                    with: member.name, type: .file, uncompressedSize: Int64(data.count),
                    modificationDate: Self.fixedModificationDate, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            try file.commit()
        } catch let error as CopilotPrepError {
            file.discard()
            throw error
        } catch {
            file.discard()
            throw CopilotPrepError(file: url.path, "cannot write the template (\(error)); check the folder is writable and has free space")
        }
    }

    /// A relative, `/`-separated name with no `..` component, no drive letter and no backslash.
    static func isSafeMemberName(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains(":") { return false }
        return !name.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." }
    }

    /// 2020-01-01T00:00:00Z: any date after the DOS epoch works; a fixed one keeps outputs reproducible.
    static let fixedModificationDate = Date(timeIntervalSince1970: 1_577_836_800)
}
