import Foundation

/// The readiness report and the Entra download of a sample population.
enum SampleDirectoryFiles {
    static let licensedName = "copilot-readiness-report.csv"
    static let orgName = "entra-users.csv"

    /// The readiness export: `Yes`/`No`, only people active lately, one person listed twice.
    /// Returns (data rows, keys of licensed users).
    static func writeLicensed(_ population: SamplePopulation, to url: URL) throws -> (rows: Int, licensed: Set<String>) {
        var text = "Report Refresh Date,User Principal Name,Display Name,Has Copilot license assigned,Teams enabled,Outlook enabled,Last activity date\n"
        var rows = 0
        var licensed = Set<String>()
        var repeated = false
        for (index, person) in population.people.enumerated() where person.inLicenceReport {
            // Some rows keep the case the account was created with; the key is the same.
            let upn = index % 5 == 0 ? person.auditUserId : person.upn
            let name = ExportText.csvField(person.displayName)
            text += "2025-09-30,\(upn),\(name),\(person.isLicensed ? "Yes" : "No"),Yes,Yes,2025-09-2\(index % 9)\n"
            rows += 1
            if person.isLicensed {
                licensed.insert(person.upn)
                if !repeated {
                    // Listed again, saying No: licensed if any row says so.
                    text += "2025-09-30,\(person.upn.uppercased()),\(name),No,Yes,No,\n"
                    rows += 1
                    repeated = true
                }
            }
        }
        try AtomicFile.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), to: url)
        return (rows, licensed)
    }

    /// The Entra "Download users" file: camelCase Graph names, UTF-8 with BOM.
    static func writeOrg(_ population: SamplePopulation, to url: URL) throws -> Int {
        var text = "userPrincipalName,displayName,surname,mail,givenName,id,userType,jobTitle,department,accountEnabled,usageLocation,country,companyName,createdDateTime\n"
        var rows = 0
        for (index, person) in population.people.enumerated() where person.inOrgData {
            let parts = person.displayName.split(separator: " ")
            let fields = [person.upn, person.displayName, String(parts.last ?? ""), person.isGuest ? "" : person.upn,
                          String(parts.first ?? ""), String(format: "%08x-1111-4222-8333-%012x", index, index * 7919),
                          person.isGuest ? "Guest" : "Member", person.jobTitle, person.department, "True", "DE", person.country,
                          "Contoso", "3/\(index % 28 + 1)/2023 9:15:00 AM"]
            text += fields.map(ExportText.csvField).joined(separator: ",") + "\n"
            rows += 1
        }
        try AtomicFile.write(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), to: url)
        return rows
    }
}

/// CSV text for generated files.
enum ExportText {
    static func csvField(_ value: String) -> String {
        var bytes: [UInt8] = []
        CSVRowEncoder.appendField(Array(value.utf8), to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
