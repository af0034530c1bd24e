import Foundation

/// `steward drift --format json`: the report itself, `schema: "steward.drift/v1"`, timestamps
/// as RFC 3339 UTC; `decode` reads it back.
public enum DriftReportJSON {
    public static func render(_ report: DriftReport) throws -> String {
        String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    public static func decode(_ text: String) throws -> DriftReport {
        try decoder.decode(DriftReport.self, from: Data(text.utf8))
    }

    /// Reads the timestamps `render` writes (and the history file's).
    public static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            do { return try Timestamp.parse(text) } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
            }
        }
        return decoder
    }

    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        return encoder
    }
}
