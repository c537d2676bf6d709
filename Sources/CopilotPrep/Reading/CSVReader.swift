#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Streams the rows of a CSV file, whatever its encoding and delimiter, in constant memory.
///
/// Hand-written rather than taken from a package because it sits on the hot path of every
/// build: it reads large chunks, transcodes them to UTF-8 once, finds quotes with `memchr`, and
/// hands out each row's fields as byte ranges in one reused buffer (no String per field).
/// RFC 4180 plus what Excel writes: doubled quotes, line breaks inside quotes, CRLF/LF/CR,
/// a `sep=` first line, and text after a closing quote (kept, as Excel does).
public final class CSVReader {
    /// The path as the user gave it, for messages.
    public let path: String
    public let dialect: CSVDialect
    /// Header fields as written (trimmed), from the first non-blank row.
    public private(set) var header: [String] = []
    /// Physical line (1-based) where the current row starts.
    public private(set) var line = 0
    /// Bytes read from the file so far (for progress).
    public private(set) var bytesRead: Int64 = 0
    /// Total size of the file in bytes.
    public let fileSize: Int64

    /// The current row's fields.
    private var fields = CSVFields()
    /// Whether the current row ended inside an open quote at the end of the file.
    public private(set) var rowHasUnterminatedQuote = false

    private let descriptor: Int32
    private var transcoder: UTF8Transcoder
    private var raw: [UInt8]
    private var text: [UInt8] = []
    private var position = 0
    private var nextLine = 1
    private var endOfFile = false
    private var currentRowRange: Range<Int> = 0..<0

    private static let chunkSize = 1 << 20

    /// Opens `url`, detects its encoding and delimiter and reads the header row.
    public init(url: URL, displayPath: String? = nil) throws {
        path = displayPath ?? url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CopilotPrepError(file: path, "no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw CopilotPrepError(file: path, "is a folder, not a CSV file")
        }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw CopilotPrepError(file: path, "cannot be opened (\(String(cString: strerror(errno)))); check its permissions")
        }
        var status = stat()
        let size = fstat(fd, &status) == 0 ? Int64(status.st_size) : 0

        // Detect the encoding from the first chunk, then transcode from there.
        var chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        let firstCount = Self.readChunk(fd, into: &chunk)
        let prefix = Array(chunk[0..<max(0, firstCount)])
        let encoding: TextEncoding
        switch TextEncoding.detect(prefix, isWholeFile: Int64(prefix.count) >= size) {
        case .success(let detected): encoding = detected
        case .failure(let failure):
            close(fd)
            switch failure {
            case .empty: throw CopilotPrepError(file: path, "is empty; export the file again")
            case .binary: throw CopilotPrepError(file: path, "is not a text file (it holds binary data); choose the CSV export")
            case .utf32: throw CopilotPrepError(file: path, "is UTF-32, an encoding this tool does not read; save it as UTF-8 CSV")
            }
        }
        var decoder = UTF8Transcoder(encoding: encoding)
        var decoded: [UInt8] = []
        let wholeFileRead = Int64(firstCount) >= size
        prefix.withUnsafeBufferPointer { buffer in
            let body = UnsafeBufferPointer(rebasing: buffer[min(encoding.bomLength, buffer.count)...])
            decoder.transcode(body, isLast: wholeFileRead, into: &decoded)
        }

        // A `sep=;` first line (Excel's hint) names the delimiter outright.
        var delimiter: UInt8?
        var start = 0, firstLine = 1
        if decoded.starts(with: Array("sep=".utf8)), decoded.count >= 5 {
            delimiter = decoded[4]
            if let newline = decoded.firstIndex(of: UInt8(ascii: "\n")) {
                start = newline + 1
                firstLine = 2
            }
        }
        if delimiter == nil {
            let lineEnd = decoded.firstIndex { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } ?? decoded.count
            delimiter = CSVDialect.detectDelimiter(headerLine: decoded[0..<lineEnd])
        }
        descriptor = fd
        fileSize = size
        raw = chunk
        transcoder = decoder
        text = decoded
        position = start
        nextLine = firstLine
        bytesRead = Int64(firstCount)
        endOfFile = wholeFileRead || firstCount == 0
        dialect = CSVDialect(encoding: encoding, delimiter: delimiter!)
        guard try nextRow() else {
            throw CopilotPrepError(file: path, "has no header row; export the file again")
        }
        header = (0..<fieldCount).map { string($0).trimmingCharacters(in: .whitespaces) }
    }

    deinit {
        close(descriptor)
    }

    /// Invalid byte sequences replaced while decoding.
    public var replacedCharacters: Int { transcoder.replacements }

    // MARK: The current row

    public var fieldCount: Int { fields.count }

    /// The decoded value of field `index` (quotes removed, doubled quotes undone).
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        fields.field(index)
    }

    /// Field `index` as a String.
    public func string(_ index: Int) -> String {
        String(decoding: field(index), as: UTF8.self)
    }

    /// Field `index` without surrounding white space (as `.whitespaces` defines it); values
    /// that start and end with a visible ASCII character skip Foundation's trimming.
    public func trimmedString(_ index: Int) -> String {
        let value = field(index)
        if let first = value.first, let last = value.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return String(decoding: value, as: UTF8.self)
        }
        return String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }

    /// The current row as it appears in the file (decoded to UTF-8, without its line break).
    public var rawRow: String {
        String(decoding: text[currentRowRange], as: UTF8.self)
    }

    // MARK: Reading

    /// Advances to the next non-blank row and splits it into fields; false at the end of the file.
    public func nextRow() throws -> Bool {
        while try nextRawRow() {
            let complete = text.withUnsafeBufferPointer { buffer in
                fields.split(UnsafeBufferPointer(rebasing: buffer[currentRowRange]), delimiter: dialect.delimiter)
            }
            rowHasUnterminatedQuote = !complete
            if !fields.isBlank { return true }
        }
        return false
    }

    /// Advances to the next non-blank row without splitting it (`rawRowBytes` holds it): what
    /// the audit batches use, so the fields are split on the workers instead.
    func nextRawRow() throws -> Bool {
        while true {
            if position >= text.count {
                if endOfFile { return false }
                refill()
                continue
            }
            guard let end = scanRowEnd() else {
                refill()
                continue
            }
            if end.rowEnd == position && end.next > position {
                // A blank line.
                nextLine += 1
                position = end.next
                continue
            }
            currentRowRange = position..<end.rowEnd
            line = nextLine
            nextLine += end.newlines + 1
            position = end.next
            return true
        }
    }

    /// The next rows, about `targetBytes` of them (at least one row, however long), or nil at
    /// the end of the file. The block takes over the reader's buffer; only the text after its
    /// last row is copied into a fresh one, so every byte of a large file is copied once less.
    func nextRowBlock(targetBytes: Int) throws -> CSVRowBlock? {
        if position > 0 {
            text.removeSubrange(0..<position)
            position = 0
        }
        var block = CSVRowBlock()
        while true {
            if position >= text.count || (block.rowCount > 0 && position >= targetBytes) {
                if block.rowCount > 0 && (position >= targetBytes || endOfFile) { break }
                if endOfFile { return nil }
                refill(keepingConsumed: true)
                continue
            }
            guard let end = scanRowEnd() else {
                refill(keepingConsumed: true)
                continue
            }
            if end.rowEnd == position && end.next > position {
                nextLine += 1  // a blank line
            } else {
                block.starts.append(position)
                block.ends.append(end.rowEnd)
                block.lines.append(nextLine)
                line = nextLine
                nextLine += end.newlines + 1
            }
            position = end.next
        }
        var rest: [UInt8] = []
        rest.reserveCapacity(targetBytes + Self.chunkSize + (64 << 10))
        rest.append(contentsOf: text[position...])
        block.bytes = text
        text = rest
        position = 0
        return block
    }

    /// Finds where the row starting at `position` ends (outside quotes: CRLF, LF or CR), the
    /// start of the next row, and the line breaks inside quotes; nil when the buffered text ends
    /// first and the file has more (at the end of the file, the row ends there, and a CR at the
    /// very end is a line break on its own).
    private func scanRowEnd() -> (rowEnd: Int, next: Int, newlines: Int)? {
        let atEOF = endOfFile
        return text.withUnsafeBufferPointer { buffer -> (Int, Int, Int)? in
            let found = ByteScan.rowEnd(buffer.baseAddress!, from: position, end: buffer.count)
            if let rowEnd = found.rowEnd { return (rowEnd, found.next, found.newlines) }
            guard atEOF else { return nil }
            if found.next < buffer.count {  // a lone CR ends the file: a line break, the row ends before it
                return (found.next, buffer.count, found.newlines)
            }
            return (buffer.count, buffer.count, found.newlines)
        }
    }

    /// Splits one complete row (no line break at its end) into decoded field values, back to
    /// back in `values`, with each field's end in `ends`: quotes removed, doubled quotes undone,
    /// text after a closing quote kept (as Excel does). Returns false when a quote is left open.
    ///
    /// Also notes, per field, where it ends in `row` (`rawEnds`, at its delimiter) and whether it
    /// is written exactly as RFC 4180 quotes it (`quotedExactly`: in quotes, inner quotes doubled,
    /// nothing after the closing quote), so a writer can copy such a field instead of re-encoding it.
    /// Values are copied through a pointer into space sized once per row: a row holds long JSON
    /// cells with hundreds of quotes, and an `Array.append` per run between them is what cost.
    static func splitFields(_ row: UnsafeBufferPointer<UInt8>, delimiter: UInt8, values: inout [UInt8], ends: inout [Int],
                            rawEnds: inout [Int], quotedExactly: inout [Bool]) -> Bool {
        let quote = UInt8(ascii: "\"")
        values.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        rawEnds.removeAll(keepingCapacity: true)
        quotedExactly.removeAll(keepingCapacity: true)
        guard let base = row.baseAddress, row.count > 0 else {
            ends.append(0)
            rawEnds.append(0)
            quotedExactly.append(false)
            return true
        }
        let end = row.count
        values.append(contentsOf: repeatElement(0, count: end))  // values are never longer than the row
        var closed = true
        let written = values.withUnsafeMutableBufferPointer { output -> Int in
            let out = output.baseAddress!
            var length = 0
            var index = 0
            func copy(_ from: Int, _ count: Int) {
                if count > 0 { (out + length).update(from: base + from, count: count) }
                length += count
            }
            while true {
                var exact = false
                if index < end && row[index] == quote {
                    index += 1
                    exact = true
                    while true {
                        // Eight bytes are stored at a time and the output advances to the next
                        // quote (the value is never longer than what was consumed, so the
                        // store stays inside `output`): quotes in JSON text come every few
                        // bytes, too often for memchr or a byte loop to be cheap.
                        while index + 8 <= end {
                            let word = ByteScan.load(base, index)
                            UnsafeMutableRawPointer(out + length).storeBytes(of: word.littleEndian, as: UInt64.self)
                            let quotes = ByteScan.lanes(of: word, equalTo: quote)
                            if quotes == 0 {
                                length += 8
                                index += 8
                                continue
                            }
                            let before = quotes.trailingZeroBitCount / 8
                            length += before
                            index += before
                            break
                        }
                        guard index < end else {
                            closed = false
                            exact = false
                            break
                        }
                        let byte = base[index]
                        if byte != quote {
                            out[length] = byte
                            length += 1
                            index += 1
                        } else if index + 1 < end && base[index + 1] == quote {
                            out[length] = quote
                            length += 1
                            index += 2
                        } else {
                            index += 1  // the closing quote
                            break
                        }
                    }
                }
                let textStart = index
                while index < end && row[index] != delimiter { index += 1 }
                if index > textStart {
                    copy(textStart, index - textStart)
                    exact = false
                }
                ends.append(length)
                rawEnds.append(index)
                quotedExactly.append(exact)
                if index >= end { return length }
                index += 1  // the delimiter
            }
        }
        values.removeLast(values.count - written)
        return closed
    }

    /// Drops consumed text and appends the next chunk, transcoded. Grows the chunk when a single
    /// row is larger than what is buffered, so multi-megabyte fields are read in few passes.
    /// `keepingConsumed`: the text before `position` belongs to a row block being built.
    private func refill(keepingConsumed: Bool = false) {
        if position > 0 && !keepingConsumed {
            text.removeSubrange(0..<position)
            position = 0
        }
        if text.count - position > raw.count / 2 {  // one row longer than a chunk: read more at a time
            raw = [UInt8](repeating: 0, count: raw.count * 2)
        } else if raw.count > Self.chunkSize && text.count - position < Self.chunkSize / 4 {
            raw = [UInt8](repeating: 0, count: Self.chunkSize)  // that row is done: back to the usual size
        }
        let count = Self.readChunk(descriptor, into: &raw)
        bytesRead += Int64(max(0, count))
        endOfFile = count <= 0
        raw.withUnsafeBufferPointer { buffer in
            transcoder.transcode(UnsafeBufferPointer(rebasing: buffer[0..<max(0, count)]), isLast: endOfFile, into: &text)
        }
    }

    /// Fills `buffer` from the descriptor (retrying short reads); returns the byte count.
    private static func readChunk(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        buffer.withUnsafeMutableBytes { pointer -> Int in
            var total = 0
            while total < pointer.count {
                let count = read(descriptor, pointer.baseAddress! + total, pointer.count - total)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                total += count
            }
            return total
        }
    }
}
