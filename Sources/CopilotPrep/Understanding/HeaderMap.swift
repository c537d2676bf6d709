/// Finds columns by name the way people and Microsoft's exports vary them: ignoring case,
/// spaces and punctuation (`User principal name` = `userPrincipalName` = `USER_PRINCIPAL_NAME`).
struct HeaderMap {
    let header: [String]
    private let normalized: [String]

    init(_ header: [String]) {
        self.header = header
        normalized = header.map(Self.normalize)
    }

    static func normalize(_ name: String) -> String {
        String(String.UnicodeScalarView(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    /// The index of the first column matching any of `names` (in the order of `names`).
    func index(_ names: [String]) -> Int? {
        for name in names {
            if let index = normalized.firstIndex(of: Self.normalize(name)) { return index }
        }
        return nil
    }

    /// The header as printed in messages.
    var listed: String { header.map { "'\($0)'" }.joined(separator: ", ") }
}
