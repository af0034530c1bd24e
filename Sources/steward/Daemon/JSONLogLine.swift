import Foundation
import Logging

/// One log event as a single line of JSON, for log platforms that parse lines (CloudWatch Logs
/// Insights discovers the fields of a JSON line by itself). Hand-written rather than
/// `JSONEncoder`: the key order stays fixed (timestamp first, as people read it) and nothing
/// here loads ICU or allocates an encoder per line.
enum JSONLogLine {
    /// `{"timestamp":…,"level":…,"logger":…,"message":…,"metadata":{…}}` and a newline.
    static func render(timestamp: String, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var line = "{\"timestamp\":"
        appendString(timestamp, to: &line)
        line += ",\"level\":"
        appendString(level.rawValue, to: &line)
        line += ",\"logger\":"
        appendString(label, to: &line)
        line += ",\"message\":"
        appendString(message, to: &line)
        line += ",\"metadata\":"
        appendObject(metadata, to: &line)
        line += "}\n"
        return line
    }

    /// Nested dictionaries and arrays stay JSON objects and arrays, so a query can reach into
    /// them; anything else is its description as a string.
    private static func appendValue(_ value: Logger.MetadataValue, to line: inout String) {
        switch value {
        case .string(let text): appendString(text, to: &line)
        case .stringConvertible(let convertible): appendString(convertible.description, to: &line)
        case .dictionary(let dictionary): appendObject(dictionary, to: &line)
        case .array(let values):
            line += "["
            for (index, element) in values.enumerated() {
                if index > 0 { line += "," }
                appendValue(element, to: &line)
            }
            line += "]"
        }
    }

    /// Keys sorted: the same event always renders to the same bytes.
    private static func appendObject(_ metadata: Logger.Metadata, to line: inout String) {
        line += "{"
        for (index, key) in metadata.keys.sorted().enumerated() {
            if index > 0 { line += "," }
            appendString(key, to: &line)
            line += ":"
            if let value = metadata[key] { appendValue(value, to: &line) }
        }
        line += "}"
    }

    /// RFC 8259 string escaping. Control characters are escaped so a message can never break
    /// the one-object-per-line framing; U+2028/U+2029 too, for consumers that treat them as
    /// line ends.
    static func appendString(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case "\u{2028}": line += "\\u2028"
            case "\u{2029}": line += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    line += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    line.unicodeScalars.append(scalar)
                }
            }
        }
        line += "\""
    }
}
