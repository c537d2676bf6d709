/// Which audit export layout a file has, and where its columns are.
struct AuditExportLayout {
    enum Kind: String {
        /// `RecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames`
        case current
        /// `CreationDate,UserIds,Operations,AuditData` (older exports, Search-UnifiedAuditLog)
        case classic
    }

    var kind: Kind
    var recordId: Int?
    var creationDate: Int?
    var recordType: Int?
    var operation: Int?
    var userId: Int?
    var auditData: Int
    var adminUnits: Int?
    var adminUnitNames: Int?

    /// The columns the Microsoft templates need, in the order they need them.
    static let templateColumns = ["RecordId", "CreationDate", "RecordType", "Operation", "UserId", "AuditData",
                                  "AssociatedAdminUnits", "AssociatedAdminUnitsNames"]

    /// Detects the layout from a header; nil when there is no AuditData column.
    init?(header: [String]) {
        let columns = HeaderMap(header)
        guard let auditData = columns.index(["AuditData"]) else { return nil }
        self.auditData = auditData
        recordId = columns.index(["RecordId", "Identity", "Id"])
        creationDate = columns.index(["CreationDate", "CreationTime"])
        recordType = columns.index(["RecordType"])
        operation = columns.index(["Operation", "Operations"])
        userId = columns.index(["UserId", "UserIds"])
        adminUnits = columns.index(["AssociatedAdminUnits"])
        adminUnitNames = columns.index(["AssociatedAdminUnitsNames"])
        kind = recordId == nil && columns.index(["Operations"]) != nil ? .classic : .current
    }
}
