/// What one audit export covered, for findings across files (gaps, capped downloads).
struct AuditFileStats {
    var path: String
    var rows = 0
    var firstDay: Int?
    var lastDay: Int?

    mutating func saw(day: Int) {
        firstDay = min(firstDay ?? day, day)
        lastDay = max(lastDay ?? day, day)
    }
}
