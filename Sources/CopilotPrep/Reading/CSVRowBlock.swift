/// A run of whole rows as they appear in the file (decoded to UTF-8), in a buffer of their own:
/// what `CSVReader.nextRowBlock` hands out so that rows can be split on other threads while
/// the reader moves on. The buffer is the reader's own, handed over rather than copied.
public struct CSVRowBlock: Sendable {
    /// The text; rows lie in it at `starts`/`ends` (other bytes are blank lines or line breaks).
    public internal(set) var bytes: [UInt8] = []
    public internal(set) var starts: [Int] = []
    public internal(set) var ends: [Int] = []
    /// The physical line (1-based) where each row starts.
    public internal(set) var lines: [Int] = []

    public var rowCount: Int { lines.count }

    /// Row `row` as written in the file, without its line break.
    public func row(_ row: Int) -> ArraySlice<UInt8> {
        bytes[starts[row]..<ends[row]]
    }
}
