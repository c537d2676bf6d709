/// How a CSV file is written: its encoding and delimiter, detected, never asked for.
public struct CSVDialect: Sendable, Equatable {
    public var encoding: TextEncoding
    /// `,`, `;` or tab.
    public var delimiter: UInt8

    public init(encoding: TextEncoding, delimiter: UInt8) {
        self.encoding = encoding
        self.delimiter = delimiter
    }

    /// The delimiter as users know it, for reports.
    public var delimiterName: String {
        switch delimiter {
        case UInt8(ascii: ","): ","
        case UInt8(ascii: ";"): ";"
        case UInt8(ascii: "\t"): "tab"
        default: String(UnicodeScalar(delimiter))
        }
    }

    static let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The candidate that occurs most often outside quotes in the header line (`,` on a tie or
    /// when none occurs: a one-column file).
    static func detectDelimiter(headerLine: ArraySlice<UInt8>) -> UInt8 {
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        for byte in headerLine {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if !inQuotes, let index = candidates.firstIndex(of: byte) { counts[index] += 1 }
        }
        var best = 0
        for index in counts.indices where counts[index] > counts[best] { best = index }
        return candidates[best]
    }
}
