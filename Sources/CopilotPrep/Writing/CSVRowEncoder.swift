import Foundation

/// Encodes CSV fields into bytes: comma-separated, RFC 4180 quoting (a field is quoted only
/// when it holds a comma, quote or line break; quotes are doubled). The one place CSV output
/// quoting is decided, used by every CSV the tool writes.
enum CSVRowEncoder {
    static func appendField<C: Collection>(_ bytes: C, to output: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) where C.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { appendField(buffer: $0, to: &output, delimiter: delimiter) }
        if handled == nil { Array(bytes).withUnsafeBufferPointer { appendField(buffer: $0, to: &output, delimiter: delimiter) } }
    }

    /// Copies runs between quotes in bulk into space sized once (JSON text has hundreds of
    /// quotes; an `Array.append` per run between them was the cost).
    private static func appendField(buffer: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], delimiter: UInt8) {
        let quote = UInt8(ascii: "\"")
        guard needsQuotes(buffer, delimiter: delimiter) else {
            output.append(contentsOf: buffer)
            return
        }
        let base = buffer.baseAddress!
        var quotes = 0
        var search = 0
        while search < buffer.count, let found = memchr(base + search, Int32(quote), buffer.count - search) {
            quotes += 1
            search = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: buffer.count + quotes + 2))
        output.withUnsafeMutableBufferPointer { space in
            var out = space.baseAddress! + start
            out.pointee = quote
            out += 1
            var from = 0
            while from < buffer.count, let found = memchr(base + from, Int32(quote), buffer.count - from) {
                let next = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1  // after the quote
                out.update(from: base + from, count: next - from)
                out += next - from
                out.pointee = quote  // doubled
                out += 1
                from = next
            }
            out.update(from: base + from, count: buffer.count - from)
            out += buffer.count - from
            out.pointee = quote
        }
    }

    /// Whether the value holds the delimiter, a quote or a line break; a word at a time.
    static func needsQuotes(_ buffer: UnsafeBufferPointer<UInt8>, delimiter: UInt8) -> Bool {
        guard let base = buffer.baseAddress else { return false }
        var index = 0
        while index + 8 <= buffer.count {
            let word = ByteScan.load(base, index)
            if ByteScan.lanes(of: word, equalTo: delimiter) | ByteScan.lanes(of: word, equalTo: 0x22)
                | ByteScan.lanes(of: word, equalTo: 0x0A) | ByteScan.lanes(of: word, equalTo: 0x0D) != 0 { return true }
            index += 8
        }
        while index < buffer.count {
            let byte = base[index]
            if byte == delimiter || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            index += 1
        }
        return false
    }
}
