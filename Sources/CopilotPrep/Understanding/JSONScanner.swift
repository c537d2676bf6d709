import Foundation

/// A validating JSON scanner over raw UTF-8 bytes that decodes only what its caller asks for.
///
/// Why not JSONSerialization or JSONDecoder: they build every value of every record (70 and
/// 120 MB/s here), while a build needs a dozen fields of each AuditData. This scanner walks the
/// text once, skips what is not needed while still checking it is valid JSON (RFC 8259), and
/// decodes wanted strings straight into a caller's byte arena.
struct JSONScanner {
    struct Failure: Error, Equatable {
        /// 0-based byte offset where the text stopped being valid JSON.
        var offset: Int
        var reason: String
        /// True when the text simply ended too early (the signature of Excel's 32,767 cut).
        var endedEarly: Bool
    }

    enum ValueKind {
        case string, number, object, array, bool, null
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0
    private static let maxDepth = 256

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { index >= bytes.count }

    // MARK: Structure

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    func fail(_ reason: String) -> Failure {
        Failure(offset: index, reason: reason, endedEarly: index >= bytes.count)
    }

    /// The kind of the next value, after whitespace.
    mutating func peekKind() throws(Failure) -> ValueKind {
        skipWhitespace()
        guard index < bytes.count else { throw fail("the text ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw fail("unexpected character where a value was expected")
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipWhitespace()
        guard index < bytes.count else { throw fail("the text ends where \(what) was expected") }
        guard bytes[index] == byte else { throw fail("expected \(what)") }
        index += 1
    }

    /// Iterates an object's members: calls `member` with the key's raw bytes (escapes resolved
    /// only when present) positioned at the value, which `member` must consume.
    mutating func forEachMember(_ member: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"), "an object")
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        var keyScratch: [UInt8] = []
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail(index >= bytes.count ? "the text ends inside an object" : "expected a member name")
            }
            let key = try scanString()
            try expect(UInt8(ascii: ":"), "':'")
            if key.hasEscapes {
                keyScratch.removeAll(keepingCapacity: true)
                try decodeString(key, into: &keyScratch)
                try keyScratch.withUnsafeBufferPointer { (buffer) throws(Failure) in try member(&self, buffer) }
            } else {
                try member(&self, UnsafeBufferPointer(rebasing: bytes[key.range]))
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail("the text ends inside an object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; return }
            throw fail("expected ',' or '}' in an object")
        }
    }

    /// Iterates an array's elements: calls `element` positioned at each value, which it must consume.
    mutating func forEachElement(_ element: (inout JSONScanner) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "["), "an array")
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try element(&self)
            skipWhitespace()
            guard index < bytes.count else { throw fail("the text ends inside an array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; return }
            throw fail("expected ',' or ']' in an array")
        }
    }

    /// Checks nothing but whitespace follows the top-level value.
    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the end of the JSON value") }
    }

    // MARK: Values

    /// Skips one value of any kind, validating it. Returns the byte range it occupied.
    @discardableResult
    mutating func skipValue(depth: Int = 0) throws(Failure) -> Range<Int> {
        guard depth < Self.maxDepth else { throw fail("nesting deeper than \(Self.maxDepth) levels") }
        let kind = try peekKind()
        let start = index
        switch kind {
        case .string: _ = try scanString()
        case .number: try scanNumber()
        case .bool, .null: try scanLiteral()
        case .object:
            try forEachMember { (scanner, _) throws(Failure) in try scanner.skipValue(depth: depth + 1) }
        case .array:
            try forEachElement { (scanner) throws(Failure) in try scanner.skipValue(depth: depth + 1) }
        }
        return start..<index
    }

    /// The raw bytes of a range of the text (e.g. a skipped value, kept verbatim).
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    struct StringToken {
        /// The characters between the quotes, escapes unresolved.
        var range: Range<Int>
        var hasEscapes: Bool
    }

    /// Scans a string token, validating escapes and rejecting raw control characters.
    mutating func scanString() throws(Failure) -> StringToken {
        index += 1  // opening quote
        let start = index
        var hasEscapes = false
        while index < bytes.count {
            index = Self.skipPlainRun(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let token = StringToken(range: start..<index, hasEscapes: hasEscapes)
                index += 1
                return token
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 1
                guard index < bytes.count else { break }
                switch bytes[index] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 1
                case UInt8(ascii: "u"):
                    guard index + 4 < bytes.count else { index = bytes.count; break }
                    for offset in 1...4 where Self.hexValue(bytes[index + offset]) == nil {
                        index += offset
                        throw fail("invalid \\u escape in a string")
                    }
                    index += 5
                default:
                    throw fail("invalid escape in a string")
                }
                continue
            }
            if byte < 0x20 { throw fail("unescaped control character in a string") }
            index += 1
        }
        throw fail("the text ends inside a string")
    }

    /// The index of the first byte at or after `start` that is a quote, a backslash or a control
    /// character (or where the last whole word ends): string text is most of AuditData, and a
    /// byte-by-byte loop over it was the scanner's cost.
    @inline(__always)
    private static func skipPlainRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = bytes.baseAddress!
        var index = start
        while index + 8 <= bytes.count {
            let word = ByteScan.load(base, index)
            let found = ByteScan.lanes(of: word, equalTo: 0x22) | ByteScan.lanes(of: word, equalTo: 0x5C)
                | ByteScan.lanes(of: word, below: 0x20)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        return index
    }

    /// Appends the decoded UTF-8 of a scanned string to `output`.
    func decodeString(_ token: StringToken, into output: inout [UInt8]) throws(Failure) {
        guard token.hasEscapes else {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[token.range]))
            return
        }
        var position = token.range.lowerBound
        let end = token.range.upperBound
        while position < end {
            // The run up to the next backslash, in one copy.
            let run = memchr(bytes.baseAddress! + position, Int32(UInt8(ascii: "\\")), end - position)
                .map { bytes.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? end
            if run > position { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<run])) }
            position = run
            guard position < end else { break }
            let escape = bytes[position + 1]
            position += 2
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(at: position)
                position += 4
                if (0xD800...0xDBFF).contains(scalar), position + 6 <= end,
                   bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                    let low = hex4(at: position + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        position += 6
                    }
                }
                if (0xD800...0xDFFF).contains(scalar) { scalar = 0xFFFD }  // a lone surrogate
                UTF8Transcoder.appendScalar(scalar, to: &output)
            default: output.append(escape)  // \" \\ \/
            }
        }
    }

    private func hex4(at position: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | UInt32(Self.hexValue(bytes[position + offset]) ?? 0) }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Scans a number token, validating the JSON number grammar.
    mutating func scanNumber() throws(Failure) {
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw fail("the text ends inside a number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            guard scanDigits() > 0 else { throw fail("invalid number") }
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard scanDigits() > 0 else { throw fail("invalid number") }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard scanDigits() > 0 else { throw fail("invalid number") }
        }
    }

    private mutating func scanDigits() -> Int {
        let start = index
        while index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Scans `true`, `false` or `null`; returns the literal's first byte.
    @discardableResult
    mutating func scanLiteral() throws(Failure) -> UInt8 {
        let first = bytes[index]
        let literal: StaticString = first == UInt8(ascii: "t") ? "true" : first == UInt8(ascii: "f") ? "false" : "null"
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else {
            index = bytes.count
            throw fail("the text ends inside a literal")
        }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] {
            throw fail("invalid literal")
        }
        index += count
        return first
    }
}
