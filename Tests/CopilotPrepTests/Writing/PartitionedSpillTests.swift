import Foundation
import Testing
@testable import CopilotPrep

@Suite struct PartitionedSpillTests {
    struct Value: Equatable { var key: UInt64; var tag: Int32 }

    @Test func everyValueComesBackInItsPartitionInOrderAcrossFlushes() throws {
        let parent = TemporaryFolder()
        let work = try WorkFolder(inside: parent.url)
        // A buffer of 3 values: nearly every append goes through a file.
        let spill = PartitionedSpill<Value>(folder: work.url, name: "test", bufferBytes: 3 * MemoryLayout<Value>.stride)
        var expected: [Int: [Value]] = [:]
        for index in 0..<1_000 {
            let partition = [7, -2, 40, 7][index % 4] + index / 500
            let value = Value(key: UInt64(index) &* 0x9E37_79B9_7F4A_7C15, tag: Int32(index))
            try spill.append(value, to: partition)
            expected[partition, default: []].append(value)
        }
        #expect(spill.partitions == expected.keys.sorted())
        for (partition, values) in expected {
            #expect(try spill.values(of: partition) == values)
        }
        #expect(try spill.values(of: 12_345).isEmpty)
        let files = try FileManager.default.contentsOfDirectory(atPath: work.url.path)
        #expect(files.count == expected.count && files.allSatisfy { $0.hasPrefix("test-") })
    }

    @Test func theWorkFolderIsRemovedWithItsFiles() throws {
        let parent = TemporaryFolder()
        var work: WorkFolder? = try WorkFolder(inside: parent.url)
        let path = work!.url.path
        FileManager.default.createFile(atPath: path + "/x.bin", contents: Data([1, 2, 3]))
        #expect(FileManager.default.fileExists(atPath: path))
        work = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
