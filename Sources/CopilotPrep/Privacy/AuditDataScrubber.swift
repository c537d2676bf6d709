/// Rewrites an AuditData JSON without the person in it: `UserId` and `UserKey` become the
/// user's pseudonym, `ClientIP` is removed, and every string has its e-mail addresses and
/// personal OneDrive folders replaced. Everything else is kept; the result is valid JSON
/// (compact, slashes escaped as Purview writes them).
import Foundation

struct AuditDataScrubber {
    let pseudonymizer: Pseudonymizer

    typealias Failure = JSONScanner.Failure

    func scrub(_ json: UnsafeBufferPointer<UInt8>, userPseudonym: String) throws(Failure) -> [UInt8] {
        var scanner = JSONScanner(json)
        var output: [UInt8] = []
        output.reserveCapacity(json.count)
        try copyValue(&scanner, into: &output, topLevel: true, userPseudonym: userPseudonym)
        try scanner.expectEnd()
        return output
    }

    private func copyValue(_ scanner: inout JSONScanner, into output: inout [UInt8], topLevel: Bool, userPseudonym: String) throws(Failure) {
        switch try scanner.peekKind() {
        case .object:
            output.append(UInt8(ascii: "{"))
            var first = true
            try scanner.forEachMember { (scanner, key) throws(Failure) in
                if topLevel && key.is("ClientIP") {
                    try scanner.skipValue()
                    return
                }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                JSONStringLiteral.append(String(decoding: key, as: UTF8.self), to: &output)
                output.append(UInt8(ascii: ":"))
                if topLevel && (key.is("UserId") || key.is("UserKey")), try scanner.peekKind() == .string {
                    _ = try scanner.scanString()
                    JSONStringLiteral.append(userPseudonym, to: &output)
                } else {
                    try copyValue(&scanner, into: &output, topLevel: false, userPseudonym: userPseudonym)
                }
            }
            output.append(UInt8(ascii: "}"))
        case .array:
            output.append(UInt8(ascii: "["))
            var first = true
            try scanner.forEachElement { (scanner) throws(Failure) in
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                try copyValue(&scanner, into: &output, topLevel: false, userPseudonym: userPseudonym)
            }
            output.append(UInt8(ascii: "]"))
        case .string:
            let token = try scanner.scanString()
            var decoded: [UInt8] = []
            try scanner.decodeString(token, into: &decoded)
            JSONStringLiteral.append(pseudonymizer.scrub(String(decoding: decoded, as: UTF8.self)), to: &output)
        default:
            let range = try scanner.skipValue()
            output.append(contentsOf: scanner.slice(range))
        }
    }
}
