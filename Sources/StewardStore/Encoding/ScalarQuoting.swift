/// How the canonical emitter writes a string: plain when every YAML reader would read the
/// plain text back as that same string, double-quoted with escapes otherwise.
enum ScalarQuoting {
    /// Characters that mean something when they begin a plain scalar.
    private static let leadingIndicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]
    /// Words some YAML 1.1 reader takes for something other than a string.
    private static let reservedWords: Set<String> = ["y", "Y", "n", "N", "<<", "="]

    static func text(_ value: String) -> String {
        needsQuotes(value) ? doubleQuoted(value) : value
    }

    static func needsQuotes(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return true }
        if first == " " || last == " " || leadingIndicators.contains(first) { return true }
        if reservedWords.contains(value) || PlainScalar.kind(of: value) != .string { return true }
        var previous: Unicode.Scalar = " "
        for scalar in value.unicodeScalars {
            // Only printable ASCII goes out plain; anything else is quoted (and escaped when
            // not printable) so the file reads the same in every editor and reader.
            guard scalar.value >= 0x20, scalar.value < 0x7F else { return true }
            if previous == ":" && scalar == " " { return true }
            if previous == " " && scalar == "#" { return true }
            previous = scalar
        }
        return last == ":"
    }

    static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        result.reserveCapacity(value.utf8.count + 2)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\0": result += "\\0"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\u{0B}": result += "\\v"
            case "\u{0C}": result += "\\f"
            case "\r": result += "\\r"
            case "\u{1B}": result += "\\e"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return result + "\""
    }

    /// YAML's printable set, minus the byte-order mark and the line/paragraph separators that
    /// editors render as line breaks.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
