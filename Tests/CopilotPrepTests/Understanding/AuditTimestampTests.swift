import Testing
@testable import CopilotPrep

@Suite struct AuditTimestampTests {
    @Test(arguments: ["2025-09-06T18:08:21", "2025-09-06T18:08:21.1234567", "2025-09-06T18:08:21Z", "2025-09-06T18:08:21.0000000Z"])
    func isoFormsGiveWholeUTCSeconds(text: String) throws {
        let timestamp = try #require(AuditTimestamp(iso: Array(text.utf8)))
        #expect(timestamp.text == "2025-09-06T18:08:21")
        #expect(timestamp.seconds == 1_757_182_101)
        #expect(AuditTimestamp.dateText(day: timestamp.day) == "2025-09-06")
    }

    @Test(arguments: ["9/6/2025 6:08:21 PM", "2025-09-06", "2025-13-06T18:08:21", "2025-09-06T18:08:21+02:00", ""])
    func otherFormsAreNotAuditDataTimes(text: String) {
        #expect(AuditTimestamp(iso: Array(text.utf8)) == nil)
    }

    @Test func civilDatesRoundTripAcrossLeapYears() {
        for day in stride(from: -800, to: 30_000, by: 37) {
            let (year, month, dayOfMonth) = AuditTimestamp.civilFromDays(day)
            #expect(AuditTimestamp.daysFromCivil(year: year, month: month, day: dayOfMonth) == day)
        }
        #expect(AuditTimestamp.dateText(day: AuditTimestamp.daysFromCivil(year: 2024, month: 2, day: 29)) == "2024-02-29")
    }
}
