import Foundation
import StewardCore

/// The bytes of a YAML file once they are known to be small enough and valid UTF-8, with the
/// byte-to-position arithmetic every diagnostic needs. Columns count Unicode scalars, as
/// libyaml's marks do, so our own positions and Yams' agree.
struct SourceText {
    /// Larger files are refused before any parsing: desired state is reviewed by people, and a
    /// parser fed hundreds of megabytes is a denial of service, not a configuration change.
    static let maximumSize = 1 << 20

    let path: String
    let bytes: [UInt8]
    let text: String

    /// Checks size and encoding; on failure returns the diagnostic instead.
    static func make(_ data: some Collection<UInt8>, path: String, limit: Int = maximumSize) -> Result<SourceText, DiagnosticList> {
        guard data.count <= limit else {
            return .failure(DiagnosticList([Diagnostic(.error, path: path, message: tooLargeMessage(size: data.count, limit: limit))]))
        }
        let bytes = Array(data)
        if let bad = firstInvalidUTF8Offset(bytes) {
            let (line, column) = position(ofByteOffset: bad, in: bytes)
            let message = "invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad)); "
                + "save the file as UTF-8"
            return .failure(DiagnosticList([Diagnostic(.error, path: path, line: line, column: column, message: message)]))
        }
        return .success(SourceText(path: path, bytes: bytes, text: String(decoding: bytes, as: UTF8.self)))
    }

    static func tooLargeMessage(size: Int, limit: Int = maximumSize) -> String {
        let shown = limit == maximumSize ? " (1 MiB)" : ""
        return "file is \(size) bytes; the limit is \(limit) bytes\(shown). Remove expired entries, or widen networks that belong together"
    }

    func position(ofByteOffset offset: Int) -> (line: Int, column: Int) {
        SourceText.position(ofByteOffset: offset, in: bytes)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    static func position(ofByteOffset offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// 1-based line and column of a character offset (what Yams reports for reader errors).
    func position(ofCharacterOffset offset: Int) -> (line: Int, column: Int) {
        let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let byteOffset = text.utf8.distance(from: text.utf8.startIndex, to: index)
        return position(ofByteOffset: byteOffset)
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence, or nil.
    /// Hand-rolled because the standard library only says *whether* bytes are valid, and the
    /// diagnostic must say *where*.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + 1 < count, bytes[index + 1] >= lower, bytes[index + 1] <= upper else { return index }
            for next in 2..<length {
                guard index + next < count, bytes[index + next] & 0xC0 == 0x80 else { return index }
            }
            index += length
        }
        return nil
    }
}
