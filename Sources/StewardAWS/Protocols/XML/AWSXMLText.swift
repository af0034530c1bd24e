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

    /// A string of up to fifteen ASCII bytes built as Swift stores it: inline in the string's
    /// two words (the bytes, then the count and the "small, ASCII" flags in the top byte).
    /// `String(decoding:as:)` gets there too, through a general UTF-8 validation and copy
    /// that costs several times more; a Describe response has thousands of such values. `nil`
    /// for non-ASCII bytes (which take the validating path). `pointer` must have sixteen
    /// readable bytes; only the first `length` are used. Use only when `inlineStringsWork`.
    @inline(__always)
    static func inlineString(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> String? {
        let raw = UnsafeRawPointer(pointer)
        let shift = UInt64(truncatingIfNeeded: length &* 8)
        var low = raw.loadUnaligned(as: UInt64.self)
        var high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        // Keep `length` bytes: the low word whole from eight on, the high word from nine on.
        low &= length >= 8 ? UInt64.max : ~(UInt64.max &<< shift)
        high &= length > 8 ? ~(UInt64.max &<< (shift &- 64)) : 0
        guard (low | high) & 0x8080_8080_8080_8080 == 0 else { return nil }
        high |= (0xE0 | UInt64(truncatingIfNeeded: length)) &<< 56
        return unsafeBitCast((low, high), to: String.self)
    }

    /// Whether this runtime lays out small strings as `inlineString` builds them (checked
    /// against strings it made itself; otherwise every value takes `String(decoding:as:)`).
    static let inlineStringsWork: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let samples = ["", "a", "sg-0123", "tcp", "0123456789abcde", "2001:db8::/64"]
        return samples.allSatisfy { sample in
            var bytes = Array(sample.utf8)
            bytes.append(contentsOf: repeatElement(UInt8(ascii: "<"), count: 16))
            let made = bytes.withUnsafeBufferPointer { inlineString($0.baseAddress!, sample.utf8.count) }
            guard let made else { return false }
            let words = unsafeBitCast(made, to: (UInt64, UInt64).self)
            let expected = unsafeBitCast(sample, to: (UInt64, UInt64).self)
            return words == expected && made == sample && made.utf8.count == sample.utf8.count
        }
    }()

    /// Appends the decoded form of character data that holds no markup (entities only).
    static func appendDecoded(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: bytes.count))
        let written = out.withUnsafeMutableBufferPointer { buffer in
            decode(bytes, into: UnsafeMutableBufferPointer(rebasing: buffer[start...]))
        }
        out.removeLast(bytes.count - written)
    }

    /// Returns the number of bytes written; `out` needs room for `bytes.count`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
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
