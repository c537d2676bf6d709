import Foundation

/// The audit exports of a sample, each written the way a user ends up with it: two overlapping
/// current-layout downloads, an older classic-layout one, and one re-saved by Excel as
/// "Unicode text" (UTF-16LE, tabs, AuditData cut at 32,767 characters).
final class SampleAuditFiles {
    enum Kind: Int, CaseIterable {
        case current = 0, currentOverlapping, classic, excelUnicode

        var fileName: String {
            switch self {
            case .current: "audit-1-current.csv"
            case .currentOverlapping: "audit-2-current-overlapping.csv"
            case .classic: "audit-3-classic.csv"
            case .excelUnicode: "audit-4-excel-unicode-text.csv"
            }
        }
    }

    let folder: URL
    private var outputs: [OutputFile] = []
    /// Excel's file is small and re-encoded at the end.
    private var excelRows: [UInt8] = []
    private(set) var rows = [Int](repeating: 0, count: Kind.allCases.count)
    private(set) var bytesWritten = 0
    private var line: [UInt8] = []
    private var auditData: [UInt8] = []

    init(folder: URL) throws {
        self.folder = folder
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for kind in [Kind.current, .currentOverlapping, .classic] {
            let file = try OutputFile(folder.appendingPathComponent(kind.fileName))
            if kind != .classic { file.write([0xEF, 0xBB, 0xBF]) }
            outputs.append(file)
        }
        write(header: AuditExportLayout.templateColumns, to: .current, ending: "\r\n")
        write(header: AuditExportLayout.templateColumns, to: .currentOverlapping, ending: "\r\n")
        write(header: ["CreationDate", "UserIds", "Operations", "AuditData"], to: .classic, ending: "\n")
        excelRows.append(contentsOf: AuditExportLayout.templateColumns.joined(separator: "\t").utf8)
        excelRows.append(contentsOf: "\r\n".utf8)
    }

    private func write(header: [String], to kind: Kind, ending: String) {
        outputs[kind.rawValue].write(header.joined(separator: ",") + ending)
    }

    /// Writes `record` into `kind`; returns whether its AuditData was cut (Excel only).
    @discardableResult
    func write(_ record: SampleRecord, person: SamplePopulation.Person, agent: SamplePopulation.Agent?, to kind: Kind) -> Bool {
        auditData.removeAll(keepingCapacity: true)
        SampleAuditData.append(record, person: person, agent: agent, to: &auditData)
        let time = AuditTimestamp(seconds: record.seconds)
        var truncated = false
        line.removeAll(keepingCapacity: true)
        switch kind {
        case .classic:
            appendFields([Array(Self.usDate(time).utf8), Array(person.auditUserId.utf8), Array(record.operation.utf8), auditData],
                         delimiter: UInt8(ascii: ","), ending: [0x0A])
        case .current, .currentOverlapping, .excelUnicode:
            var json = auditData
            if kind == .excelUnicode, json.count > AuditBatchFlattener.excelCellLimit {
                json = Array(json.prefix(AuditBatchFlattener.excelCellLimit))  // ASCII, so characters = bytes
                truncated = true
            }
            // Purview sometimes writes the date with a trailing space inside quotes.
            let date = time.text + ".0000000Z" + (record.seconds % 5 == 0 ? " " : "")
            let type = record.isCopilotInteraction ? "261" : record.operation == "TeamCopilotInteraction" ? "334" : "6"
            appendFields([Array(record.id.utf8), Array(date.utf8), Array(type.utf8), Array(record.operation.utf8),
                          Array(person.auditUserId.utf8), json, [], []],
                         delimiter: kind == .excelUnicode ? 0x09 : UInt8(ascii: ","), ending: [0x0D, 0x0A])
        }
        rows[kind.rawValue] += 1
        bytesWritten += line.count
        if kind == .excelUnicode {
            excelRows.append(contentsOf: line)
        } else {
            outputs[kind.rawValue].write(line)
        }
        return truncated
    }

    private func appendFields(_ fields: [[UInt8]], delimiter: UInt8, ending: [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(delimiter) }
            CSVRowEncoder.appendField(field, to: &line, delimiter: delimiter)
        }
        line.append(contentsOf: ending)
    }

    /// `9/6/2025 6:08:21 PM`, as older exports and US-locale Excel write dates.
    static func usDate(_ time: AuditTimestamp) -> String {
        let (year, month, day) = AuditTimestamp.civilFromDays(time.day)
        let second = Int(time.seconds - Int64(time.day) * 86_400)
        let hour = second / 3600, minute = second / 60 % 60, sec = second % 60
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return "\(month)/\(day)/\(year) \(twelve):\(minute < 10 ? "0" : "")\(minute):\(sec < 10 ? "0" : "")\(sec) \(hour < 12 ? "AM" : "PM")"
    }

    /// Closes every file; returns their paths in reading order.
    func finish() throws -> [String] {
        for output in outputs { _ = try output.finish() }
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(String(decoding: excelRows, as: UTF8.self).data(using: .utf16LittleEndian)!)
        try AtomicFile.write(utf16, to: folder.appendingPathComponent(Kind.excelUnicode.fileName))
        return Kind.allCases.map { folder.appendingPathComponent($0.fileName).path }
    }
}
