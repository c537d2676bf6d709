import Foundation

/// Encodes CSV fields into bytes: comma-separated, RFC 4180 quoting (a field is quoted only
/// when it holds a comma, quote or line break; quotes are doubled). The one place CSV output
/// quoting is decided, used by every CSV the tool writes.
enum CSVRowEncoder {
    static func appendField<C: Collection>(_ bytes: C, to output: inout [UInt8], delimiter: UInt8 = UInt8(ascii: ",")) where C.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { appendField(buffer: $0, to: &output, delimiter: delimiter) }
        if handled == nil { Array(bytes).withUnsafeBufferPointer { appendField(buffer: $0, to: &output, delimiter: delimiter) } }
    }

    /// Copies runs between quotes in bulk (AuditData is mostly quotes-free runs of text).
    private static func appendField(buffer: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], delimiter: UInt8) {
        guard buffer.contains(where: { $0 == delimiter || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            output.append(contentsOf: buffer)
            return
        }
        output.append(UInt8(ascii: "\""))
        var start = 0
        while start < buffer.count {
            guard let found = memchr(buffer.baseAddress! + start, Int32(UInt8(ascii: "\"")), buffer.count - start) else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
                break
            }
            let quote = buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...quote]))
            output.append(UInt8(ascii: "\""))
            start = quote + 1
        }
        output.append(UInt8(ascii: "\""))
    }
}
