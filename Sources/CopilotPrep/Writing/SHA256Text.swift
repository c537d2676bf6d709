import Crypto
import Foundation

/// SHA-256 in lower-case hex, as the report lists outputs.
enum SHA256Text {
    static func hex(of data: Data) -> String {
        hex(SHA256.hash(data: data))
    }

    static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }
}
