import Foundation

/// A small tenant whose exports have every problem real ones have, with its expected numbers
/// worked out by hand (see the comments): four audit exports in four dialects overlapping by
/// two records, an invalid and an Excel-cut AuditData, other operations, a licence list with a
/// repeated user and `Yes`/`No` values, and an Entra download missing one audit user.
@testable import CopilotPrep

struct MixedTenant {
    let folder = TemporaryFolder()
    var auditFolder: String { folder.path("audit") }
    var licensed: String { folder.path("licensed.csv") }
    var org: String { folder.path("org.csv") }

    typealias I = ExportFixture.Interaction
    static let a = I(id: "aaaaaaaa-0000-0000-0000-000000000001", time: "2025-09-02T09:00:00", user: "Ann@Contoso.com",
                     appHost: "BizChat", thread: "t1", messages: [.init(id: "m1", isPrompt: true), .init(id: "m2", isPrompt: false)])
    static let b = I(id: "bbbbbbbb-0000-0000-0000-000000000002", time: "2025-09-02T10:00:00", user: "bob@contoso.com",
                     appHost: "Teams", thread: "t2", messages: [.init(id: "m1", isPrompt: true)])  // same message id, other thread
    static let fileAccess = I(id: "cccccccc-0000-0000-0000-000000000003", time: "2025-09-02T11:00:00", user: "bob@contoso.com", operation: "FileAccessed")
    static let d = I(id: "dddddddd-0000-0000-0000-000000000004", time: "2025-09-03T11:00:00", user: "ann@contoso.com",
                     appHost: "Word", thread: "t1", messages: [.init(id: "m1", isPrompt: true)])  // repeats prompt (t1, m1)
    static let teamCopilot = I(id: "eeeeeeee-0000-0000-0000-000000000005", time: "2025-09-03T11:30:00", user: "bob@contoso.com",
                               operation: "TeamCopilotInteraction")
    static let e = I(id: "ffffffff-0000-0000-0000-000000000006", time: "2025-09-03T12:00:00", user: "Carol@contoso.com",
                     appHost: "Teams", thread: "t3", messages: [.init(id: "m5", isPrompt: true)],
                     agentId: "CopilotStudio.Declarative.T_42", agentName: "HR Helper", appIdentityObject: true)
    static let invalid = I(id: "99999999-0000-0000-0000-000000000007", time: "2025-09-03T13:00:00", user: "carol@contoso.com")
    static let g = I(id: "12345678-0000-0000-0000-000000000008", time: "2025-09-04T08:00:00",
                     user: "dave_fabrikam.com#EXT#@contoso.onmicrosoft.com", appHost: "BizChat", thread: "t4",
                     messages: [.init(id: "m6", isPrompt: true)], plugins: ["BingWebSearch"])
    static let cut = I(id: "12345678-0000-0000-0000-000000000009", time: "2025-09-04T09:00:00", user: "ann@contoso.com",
                       appHost: "BizChat", thread: "t9", messages: [.init(id: "m9", isPrompt: true)], resources: 400)
    static let i = I(id: "12345678-0000-0000-0000-00000000000a", time: "2025-09-01T07:00:00", user: " ANN@contoso.com",
                     appHost: "Outlook", thread: "t5", messages: [.init(id: "m7", isPrompt: true), .init(id: "m8", isPrompt: true)],
                     resources: 3)

    /// Kept records in input order: files as given, rows in file order, first copy wins.
    static let keptInInputOrder = [a, b, d, e, g, i]

    init() {
        // 1: current layout, UTF-8 with BOM, CRLF: a, b, other operation, d, 334 record.
        folder.write("audit/1-current.csv", text: ExportFixture.currentExport([Self.a, Self.b, Self.fileAccess, Self.d, Self.teamCopilot]))
        // 2: classic layout, no BOM: a again (duplicate), e, and a row whose AuditData is not JSON.
        var classic = ExportFixture.classicExport([Self.a, Self.e])
        classic += ExportFixture.row(["9/3/2025 1:00:00 PM", "carol@contoso.com", "CopilotInteraction", "{\"Id\": \"x\", oops}"]) + "\n"
        folder.write("audit/2-classic.csv", text: classic, encoding: .utf8)
        // 3: re-saved by Excel as "Unicode text": UTF-16LE, tabs; g, a row cut at 32,767, b again.
        let full = ExportFixture.auditData(Self.cut)
        precondition(full.utf16.count > 32_767)
        let cutJSON = String(full.prefix(32_767))
        folder.write("audit/3-excel.csv", text: ExportFixture.currentExport([Self.g, Self.cut, Self.b], delimiter: "\t",
                                                                           auditDataOverride: [Self.cut.id: cutJSON]),
                     encoding: .utf16LEBOM)
        // 4: semicolons (comma-decimal locale): i.
        folder.write("audit/4-semicolon.csv", text: ExportFixture.currentExport([Self.i], delimiter: ";"))
        folder.write("licensed.csv", text: ExportFixture.readiness([("ann@contoso.com", "Yes"), ("bob@contoso.com", "No"),
                                                                    ("carol@contoso.com", "TRUE"), ("BOB@contoso.com ", "No"),
                                                                    ("erin@contoso.com", "Yes")]))
        folder.write("org.csv", text: ExportFixture.entra([("ann@contoso.com", "R&D, Europe"), ("Bob@Contoso.com", "Sales"),
                                                           ("carol@contoso.com", "営業部"), ("frank@contoso.com", "")]))
    }

    func options(output: String? = nil, force: Bool = false) -> BuildOptions {
        BuildOptions(audit: [auditFolder], licensed: licensed, org: org, output: output, force: force)
    }
}
