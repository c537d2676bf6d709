import Foundation

/// Fixed-size values written to one work file per partition and read back one partition at a
/// time. Exact distinct counts and per-day aggregates over a year of records then need memory
/// for one partition, not for the whole input (which is what keeps a build's memory flat).
///
/// Values are buffered in memory up to `bufferLimit` in all and then appended to their files;
/// they are plain bytes (no identifiers, only hashes and small numbers), written and read
/// back on the same machine by the same build.
final class PartitionedSpill<Element: BitwiseCopyable> {
    private let folder: URL
    private let name: String
    private let bufferLimit: Int
    private var buffers: [[Element]] = []
    private var slotByPartition: [Int: Int] = [:]
    private var partitionBySlot: [Int] = []
    private var lastPartition = Int.min, lastSlot = 0
    private var buffered = 0
    private var written: Set<Int> = []

    /// `bufferBytes`: memory for values not yet written, over all partitions.
    init(folder: URL, name: String, bufferBytes: Int = 2 << 20) {
        self.folder = folder
        self.name = name
        bufferLimit = max(1, bufferBytes / MemoryLayout<Element>.stride)
    }

    /// Every partition that holds a value, in ascending order.
    var partitions: [Int] { partitionBySlot.sorted() }

    func append(_ value: Element, to partition: Int) throws {
        if partition != lastPartition {
            lastPartition = partition
            if let slot = slotByPartition[partition] {
                lastSlot = slot
            } else {
                lastSlot = buffers.count
                slotByPartition[partition] = lastSlot
                partitionBySlot.append(partition)
                buffers.append([])
            }
        }
        buffers[lastSlot].append(value)
        buffered += 1
        if buffered >= bufferLimit { try flush() }
    }

    /// Every value of one partition, in the order appended.
    func values(of partition: Int) throws -> [Element] {
        guard let slot = slotByPartition[partition] else { return [] }
        var values: [Element] = []
        if written.contains(partition) {
            values = try WorkFolder.values(of: Element.self, in: file(partition))
        }
        values += buffers[slot]
        return values
    }

    /// Appends every buffered value to its partition's file.
    private func flush() throws {
        for (slot, partition) in partitionBySlot.enumerated() where !buffers[slot].isEmpty {
            let url = file(partition)
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            guard descriptor >= 0 else { throw Self.failure(url, "cannot create a temporary file") }
            defer { close(descriptor) }
            let complete = buffers[slot].withUnsafeBytes { bytes -> Bool in
                var offset = 0
                while offset < bytes.count {
                    let done = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if done <= 0 { return false }
                    offset += done
                }
                return true
            }
            guard complete else { throw Self.failure(url, "cannot write a temporary file") }
            buffers[slot].removeAll(keepingCapacity: false)
            written.insert(partition)
        }
        buffered = 0
    }

    private func file(_ partition: Int) -> URL {
        folder.appendingPathComponent("\(name)-\(partition).bin")
    }

    private static func failure(_ url: URL, _ what: String) -> CopilotPrepError {
        CopilotPrepError(file: url.path, "\(what) (\(String(cString: strerror(errno)))); check there is free space in the output folder")
    }
}
