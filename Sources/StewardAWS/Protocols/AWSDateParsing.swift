import Foundation

/// Timestamps as AWS sends them: ISO 8601 with or without fractional seconds (XML, credential
/// documents) and epoch seconds (JSON protocols).
public enum AWSDateParsing {
    public static func iso8601(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace
        if let date = try? Date(trimmed, strategy: .iso8601) { return date }
        // Fractional seconds: the default strategy rejects them; drop the fraction.
        if let dot = trimmed.firstIndex(of: ".") {
            var rest = trimmed[trimmed.index(after: dot)...]
            while let first = rest.first, first.isNumber { rest = rest.dropFirst() }
            let withoutFraction = String(trimmed[..<dot]) + rest
            let zoned = withoutFraction.hasSuffix("Z") || withoutFraction.contains("+") ? withoutFraction : withoutFraction + "Z"
            return try? Date(zoned, strategy: .iso8601)
        }
        if !trimmed.hasSuffix("Z"), !trimmed.contains("+") {
            return try? Date(trimmed + "Z", strategy: .iso8601)
        }
        return nil
    }

    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
