import Foundation
import Testing
@testable import CopilotPrep

@Suite struct LicensedUserReaderTests {
    private func read(_ text: String, encoding: FixtureEncoding = .utf8BOM) throws -> (LicensedUserList, DiagnosticLog) {
        let folder = TemporaryFolder()
        let reader = try CSVReader(url: URL(fileURLWithPath: folder.write("licensed.csv", text: text, encoding: encoding)))
        var log = DiagnosticLog()
        let list = try LicensedUserReader.read(reader, quarantine: try Quarantine(writingTo: nil), log: &log)
        return (list, log)
    }

    @Test(arguments: ["TRUE", "True", "true", "Yes", "YES", "y", "1"])
    func licensedSpellings(value: String) throws {
        let (list, _) = try read("User Principal Name,Has license\nann@contoso.com,\(value)\n")
        #expect(list.user("ann@contoso.com")?.hasLicense == true)
    }

    @Test(arguments: ["FALSE", "False", "no", "N", "0"])
    func unlicensedSpellings(value: String) throws {
        let (list, _) = try read("User Principal Name,Has license\nann@contoso.com,\(value)\n")
        #expect(list.user("ann@contoso.com")?.hasLicense == false)
    }

    @Test(arguments: ["User Principal Name,Has Copilot license assigned", "userPrincipalName,HasCopilotLicense",
                      "Username,Has Copilot License", "USER PRINCIPAL NAME,has_license"])
    func headerVariants(header: String) throws {
        let (list, _) = try read("\(header)\n Ann@Contoso.com ,Yes\n")
        #expect(list.users.map(\.key) == ["ann@contoso.com"])
    }

    @Test func aUserListedTwiceIsLicensedIfAnyRowSaysSo() throws {
        let (list, log) = try read(ExportFixture.readiness([("bob@contoso.com", "No"), ("BOB@contoso.com", "Yes"), ("cy@contoso.com", "No")]))
        #expect(list.users.count == 2)
        #expect(list.user("bob@contoso.com")?.hasLicense == true)
        #expect(list.user("bob@contoso.com")?.reportRefreshDate == "2025-09-30")
        #expect(list.accounting == RowAccounting(read: 3, kept: 2, duplicate: 1, quarantined: 0))
        #expect(log.sorted.contains { $0.code == "duplicateLicensedUser" && $0.line == 3 })
    }

    @Test func unknownValuesAndEmptyUsersAreQuarantinedAndCounted() throws {
        let (list, log) = try read("User Principal Name,Has license\nann@contoso.com,maybe\n,Yes\ncy@contoso.com,No\n")
        #expect(list.accounting == RowAccounting(read: 3, kept: 1, duplicate: 0, quarantined: 2))
        #expect(list.accounting.isBalanced)
        #expect(log.sorted.contains { $0.code == "unknownLicenceValue" && $0.line == 2 })
    }

    @Test func concealedNamesAreDetected() throws {
        let (_, log) = try read("User Principal Name,Has license\nA1B2C3D4E5F60718293A4B5C6D7E8F90,Yes\n0123456789ABCDEF0123456789ABCDEF,No\n")
        let finding = try #require(log.sorted.first { $0.code == "concealedUserNames" })
        #expect(finding.message.contains("Display concealed user, group, and site names"))
    }

    @Test func missingColumnsAreErrorsThatNameTheFileAndTheHeader() throws {
        let error = #expect(throws: CopilotPrepError.self) { try read("Name,Has license\nann,Yes\n") }
        #expect(error?.message.contains("no user column") == true)
        #expect(error?.file?.hasSuffix("licensed.csv") == true)
        let noLicence = #expect(throws: CopilotPrepError.self) { try read("User Principal Name,Department\nann,HR\n") }
        #expect(noLicence?.message.contains("no licence column") == true)
    }

    @Test func assignedProductsColumnIsUnderstood() throws {
        let (list, _) = try read("User Principal Name,Assigned Products\nann@contoso.com,OFFICE 365 E3+MICROSOFT 365 COPILOT\nbob@contoso.com,OFFICE 365 E3\n")
        #expect(list.user("ann@contoso.com")?.hasLicense == true)
        #expect(list.user("bob@contoso.com")?.hasLicense == false)
    }
}

extension RowAccounting {
    init(read: Int, kept: Int, duplicate: Int, quarantined: Int, skippedOperation: Int? = nil) {
        self.init(countsSkippedOperations: skippedOperation != nil)
        self.read = read
        self.kept = kept
        self.duplicate = duplicate
        self.quarantined = quarantined
        self.skippedOperation = skippedOperation
    }
}
