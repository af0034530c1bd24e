/// Decodes character data: the five predefined entities, numeric references and CDATA.
/// Anything else (an undeclared entity) is kept literally rather than dropped.
enum AWSXMLText {
    /// Writes straight into the string's storage: decoding only shrinks text (an entity or a
    /// CDATA wrapper is longer than what it stands for), so the input length is enough room.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: max(1, bytes.count)) { out in
            decode(bytes, into: out)
        }
    }

    /// Appends the decoded form of character data that holds no markup (entities only).
    static func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count))
        let written = out.withUnsafeMutableBufferPointer { buffer in
            decode(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
        out.removeLast(bytes.count - written)
    }

    /// Returns the number of bytes written.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var index = 0
        let count = bytes.count
        @inline(__always) func emit(_ byte: UInt8) {
            // Cannot overflow (see above); the guard only keeps a logic slip from writing past the end.
            guard written < out.count else { return }
            out[written] = byte
            written &+= 1
        }
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if startsWith(bytes, index, "<![CDATA[") {
                    var cursor = index + 9
                    while cursor < count, !startsWith(bytes, cursor, "]]>") {
                        emit(bytes[cursor])
                        cursor += 1
                    }
                    index = min(count, cursor + 3)
                    continue
                }
                // Markup inside mixed content is not text; skip to its end.
                while index < count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "&") {
                var end = index + 1
                while end < count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
                if end < count, bytes[end] == UInt8(ascii: ";"),
                   let scalar = replacement(for: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])) {
                    // The reference is at least as long as its UTF-8 encoding (`&#xN;` is
                    // 5+ bytes for at most 4), so this still fits.
                    for unit in scalar.utf8 {
                        emit(unit)
                    }
                    index = end + 1
                    continue
                }
            }
            emit(byte)
            index += 1
        }
        return written
    }

    /// The character an entity body (between `&` and `;`) stands for, compared as bytes.
    static func replacement(for entity: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        if startsWith(entity, 0, "amp"), entity.count == 3 { return "&" }
        if startsWith(entity, 0, "lt"), entity.count == 2 { return "<" }
        if startsWith(entity, 0, "gt"), entity.count == 2 { return ">" }
        if startsWith(entity, 0, "quot"), entity.count == 4 { return "\"" }
        if startsWith(entity, 0, "apos"), entity.count == 4 { return "'" }
        guard entity.count >= 2, entity[0] == UInt8(ascii: "#") else { return nil }
        let hex = entity[1] == UInt8(ascii: "x") || entity[1] == UInt8(ascii: "X")
        let digits = UnsafeBufferPointer(rebasing: entity[(hex ? 2 : 1)...])
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            let nibble: UInt32
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: nibble = UInt32(digit - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: nibble = UInt32(digit - UInt8(ascii: "A") + 10)
            default: return nil
            }
            // At most 10 digits reach here (the entity scan stops at 12 bytes), but a decimal
            // or hex value can still pass UInt32; treat that like any invalid reference.
            let (shifted, overflow) = value.multipliedReportingOverflow(by: hex ? 16 : 10)
            let (sum, carry) = shifted.addingReportingOverflow(nibble)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return Unicode.Scalar(value)
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        let wanted = prefix.utf8Start
        for offset in 0..<length where bytes[index + offset] != wanted[offset] {
            return false
        }
        return true
    }
}
