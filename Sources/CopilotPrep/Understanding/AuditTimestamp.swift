/// A record's time from AuditData `CreationTime`: always ISO 8601 UTC, whatever locale exported
/// the CSV (whose own CreationDate column can be `9/6/2025 6:08:21 PM`), so it is the truth.
struct AuditTimestamp: Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    var seconds: Int64

    /// Parses `YYYY-MM-DDTHH:MM:SS` optionally followed by a fraction and `Z`; a fraction is
    /// dropped (the templates and our outputs keep whole seconds). Nil when not that shape.
    init?<C: Collection>(iso bytes: C) where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= 19 else { return nil }
        let b = bytes.startIndex
        func digits(_ offset: Int, _ count: Int) -> Int? {
            var value = 0
            for index in offset..<offset + count {
                let byte = bytes[b + index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard bytes[b + 4] == UInt8(ascii: "-"), bytes[b + 7] == UInt8(ascii: "-"),
              bytes[b + 10] == UInt8(ascii: "T") || bytes[b + 10] == UInt8(ascii: " "),
              bytes[b + 13] == UInt8(ascii: ":"), bytes[b + 16] == UInt8(ascii: ":"),
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2),
              let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        // After the seconds only a fraction and/or `Z` may follow (an offset would not be UTC).
        var index = 19
        if index < bytes.count && bytes[b + index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count && bytes[b + index] >= 0x30 && bytes[b + index] <= 0x39 { index += 1 }
        }
        if index < bytes.count && (bytes[b + index] == UInt8(ascii: "Z") || bytes[b + index] == UInt8(ascii: "z")) { index += 1 }
        guard index == bytes.count else { return nil }
        let days = Self.daysFromCivil(year: year, month: month, day: day)
        seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    init(seconds: Int64) {
        self.seconds = seconds
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm, proleptic Gregorian).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 (UTC).
    var day: Int { Int((seconds >= 0 ? seconds : seconds - 86_399) / 86_400) }

    /// `YYYY-MM-DD` of a day number.
    static func dateText(day: Int) -> String {
        var bytes: [UInt8] = []
        appendDate(day: day, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` as bytes (written for every record: no String on the way).
    static func appendDate(day: Int, to output: inout [UInt8]) {
        let (year, month, dayOfMonth) = civilFromDays(day)
        guard (0...9999).contains(year) else {
            output.append(contentsOf: (pad(year, 4) + "-" + pad(month, 2) + "-" + pad(dayOfMonth, 2)).utf8)
            return
        }
        appendDigits(year, 4, to: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(month, 2, to: &output)
        output.append(UInt8(ascii: "-"))
        appendDigits(dayOfMonth, 2, to: &output)
    }

    /// Appends `YYYY-MM-DDTHH:MM:SS` as bytes.
    func appendText(to output: inout [UInt8]) {
        Self.appendDate(day: day, to: &output)
        let secondOfDay = Int(seconds - Int64(day) * 86_400)
        output.append(UInt8(ascii: "T"))
        Self.appendDigits(secondOfDay / 3600, 2, to: &output)
        output.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay / 60 % 60, 2, to: &output)
        output.append(UInt8(ascii: ":"))
        Self.appendDigits(secondOfDay % 60, 2, to: &output)
    }

    /// `value` (0 ≤ value < 10^width) in exactly `width` digits.
    private static func appendDigits(_ value: Int, _ width: Int, to output: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(truncatingIfNeeded: 0x30 + value / divisor % 10))
            divisor /= 10
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func < (lhs: AuditTimestamp, rhs: AuditTimestamp) -> Bool { lhs.seconds < rhs.seconds }
}
