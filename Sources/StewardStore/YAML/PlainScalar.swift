/// What YAML 1.1 tools (Yams' default resolver, PyYAML, yq) would read a *plain* scalar as.
/// The decoder uses it to refuse `added_by: 12345` (a number where text belongs) and the
/// encoder to decide when a string must be quoted so that every reader sees a string.
enum PlainScalar {
    enum Kind: Equatable { case string, null, bool, int, float, timestamp }

    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    static func kind(of text: String) -> Kind {
        guard let first = text.utf8.first else { return .null }
        // Null and boolean words all start with one of these letters; most text doesn't, and
        // this runs for every string in a file.
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            if text.utf8.count <= 5 {
                if nullWords.contains(text) { return .null }
                if boolWords.contains(text) { return .bool }
            }
            return .string
        default:
            break
        }
        let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
        // Every numeric or date form starts with a digit, a sign or a dot; most text doesn't.
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else {
            return .string
        }
        let bytes = Array(text.utf8)
        if isTimestampLike(bytes) { return .timestamp }
        if isInt(bytes) { return .int }
        if isFloat(text, bytes) { return .float }
        return .string
    }

    private static func isTimestampLike(_ bytes: [UInt8]) -> Bool {
        // YYYY-M-D… : the start of every YAML timestamp form.
        guard bytes.count >= 8 else { return false }
        for index in 0..<4 where !(bytes[index] >= 48 && bytes[index] <= 57) { return false }
        return bytes[4] == UInt8(ascii: "-") && bytes[5] >= 48 && bytes[5] <= 57
    }

    private static func isInt(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { body = body.dropFirst() }
        guard let first = body.first else { return false }
        let text = String(decoding: body, as: UTF8.self)
        func all(_ characters: Substring, in allowed: String) -> Bool {
            !characters.isEmpty && characters.allSatisfy { allowed.contains($0) }
        }
        if text.hasPrefix("0b") { return all(text.dropFirst(2), in: "01_") }
        if text.hasPrefix("0x") { return all(text.dropFirst(2), in: "0123456789abcdefABCDEF_") }
        if text.hasPrefix("0o") { return all(text.dropFirst(2), in: "01234567_") }
        if first == UInt8(ascii: "0") { return all(Substring(text), in: "01234567_") }
        guard first >= 49, first <= 57 else { return false }
        if all(Substring(text), in: "0123456789_") { return true }
        // Base 60 (`1:30`): YAML 1.1 reads it as an integer.
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 1, all(parts[0], in: "0123456789_") else { return false }
        return parts.dropFirst().allSatisfy { $0.count <= 2 && all($0, in: "0123456789") }
    }

    private static func isFloat(_ text: String, _ bytes: [UInt8]) -> Bool {
        var body = Substring(text)
        if let sign = body.first, sign == "+" || sign == "-" { body = body.dropFirst() }
        if [".inf", ".Inf", ".INF"].contains(body) { return true }
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        // [0-9][0-9_]*(.[0-9_]*)?([eE][-+]?[0-9]+)?  or  .[0-9_]+([eE][-+][0-9]+)?  or base 60.
        var index = body.startIndex
        var mantissaDigits = 0
        while index < body.endIndex, body[index].isASCII, body[index].isNumber || body[index] == "_" || body[index] == ":" {
            mantissaDigits += 1
            index = body.index(after: index)
        }
        if index < body.endIndex, body[index] == "." {
            index = body.index(after: index)
            while index < body.endIndex, body[index].isASCII, body[index].isNumber || body[index] == "_" {
                mantissaDigits += 1
                index = body.index(after: index)
            }
        }
        guard mantissaDigits > 0 else { return false }
        if index < body.endIndex, body[index] == "e" || body[index] == "E" {
            index = body.index(after: index)
            if index < body.endIndex, body[index] == "+" || body[index] == "-" { index = body.index(after: index) }
            let exponentStart = index
            while index < body.endIndex, body[index].isASCII, body[index].isNumber { index = body.index(after: index) }
            guard index > exponentStart else { return false }
        }
        return index == body.endIndex
    }
}
