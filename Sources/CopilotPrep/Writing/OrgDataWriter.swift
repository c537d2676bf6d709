import Foundation

/// Writes `Org_Data.csv` for a reader that uses code page 1252 and no quote handling (how the
/// Microsoft templates open it): Windows-1252 bytes, no BOM, and values that cannot split a row
/// or a column: no comma, quote or line break inside a value.
enum OrgDataWriter {
    static let fileName = "Org_Data.csv"
    static let header = ["UserPrincipalName", "Department", "DisplayName", "Email", "JobTitle", "Country"]

    struct Result {
        var output: OutputSummary
        /// Values that had characters outside 1252 replaced by `?`.
        var valuesWithUnmappableCharacters = 0
        /// Values that had a comma, quote or line break replaced.
        var valuesWithSeparators = 0
    }

    static func write(_ directory: OrgDirectory, folder: URL, labels: UserLabels = .plain) throws -> Result {
        let file = try OutputFile(folder.appendingPathComponent(fileName))
        var result = Result(output: OutputSummary(path: "", rows: 0, sha256: ""))
        file.write(header.joined(separator: ",") + "\n")
        var rows = 0
        for person in directory.people {
            let values = [labels.user(person.key), labels.department(person.department),
                          labels.personal(person.displayName, of: person.key), labels.personal(person.mail, of: person.key),
                          person.jobTitle, person.country]
            for (index, value) in values.enumerated() {
                if index > 0 { file.write(UInt8(ascii: ",")) }
                let encoded = Windows1252Text.encode(value)
                if encoded.hadUnmappable { result.valuesWithUnmappableCharacters += 1 }
                if encoded.hadSeparators { result.valuesWithSeparators += 1 }
                file.write(encoded.bytes)
            }
            file.write(UInt8(ascii: "\n"))
            rows += 1
        }
        result.output = OutputSummary(path: file.url.path, rows: rows, sha256: try file.finish())
        return result
    }
}
