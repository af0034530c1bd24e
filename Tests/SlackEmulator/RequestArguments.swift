import Foundation

/// The arguments of a Web API request, from a JSON or form-encoded body.
struct RequestArguments: Sendable {
    /// Arguments as JSON: form values stay strings, except `blocks`, which Slack reads as JSON text.
    var values: [String: SlackJSON]
    let isJSON: Bool

    /// `nil` when the body claims to be JSON but is not a JSON object.
    init?(body: Data, contentType: String?) {
        let type = contentType?.lowercased() ?? ""
        let isBlank = body.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        if isBlank {
            // Argument-less methods (apps.connections.open, auth.test) are called with no body.
            values = [:]
            isJSON = type.hasPrefix("application/json")
        } else if type.hasPrefix("application/json") {
            guard let object = SlackJSON.parse(body)?.objectValue else { return nil }
            values = object
            isJSON = true
        } else {
            values = Self.parseForm(String(decoding: body, as: UTF8.self))
            isJSON = false
        }
    }

    subscript(key: String) -> SlackJSON? { values[key] }

    func string(_ key: String) -> String? { values[key]?.stringValue }

    static func parseForm(_ text: String) -> [String: SlackJSON] {
        var result: [String: SlackJSON] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            result[key] = .string(value)
        }
        return result
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
