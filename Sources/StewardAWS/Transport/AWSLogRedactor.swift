/// Makes request and response text safe to log. Header values of credentials and tokens are
/// replaced, and so are the values of known secret fields in form, JSON and XML bodies.
public enum AWSLogRedactor {
    public static let redacted = "<redacted>"

    /// Headers whose values are never logged.
    public static let secretHeaders: Set<String> = [
        "authorization", "x-amz-security-token", "x-aws-ec2-metadata-token",
        "x-amz-content-sha256", "cookie", "set-cookie",
    ]

    /// Body fields whose values are never logged, in any of the three encodings.
    public static let secretFields: [String] = [
        "SecretAccessKey", "SessionToken", "WebIdentityToken", "SecretString", "SecretBinary",
        "Token", "MasterUserPassword", "Password", "AuthorizationToken",
        "aws_secret_access_key", "aws_session_token",
    ]

    public static func headers(_ headers: AWSHTTPHeaders) -> String {
        headers.fields.map { field in
            let lower = field.name.lowercased()
            let hidden = secretHeaders.contains(lower) || lower.contains("token") || lower.contains("secret")
            return "\(field.name): \(hidden ? redacted : field.value)"
        }.joined(separator: ", ")
    }

    /// The body as text with secret values replaced; binary or huge bodies are summarised.
    public static func body(_ bytes: [UInt8], limit: Int = 4096) -> String {
        guard !bytes.isEmpty else { return "" }
        var text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        for field in secretFields {
            text = redactForm(text, field: field)
            text = redactJSON(text, field: field)
            text = redactXML(text, field: field)
        }
        if bytes.count > limit { text += "… (\(bytes.count) bytes)" }
        return text
    }

    /// `Field=value&` (also `Prefix.Field=value`).
    static func redactForm(_ text: String, field: String) -> String {
        var result = ""
        var rest = Substring(text)
        let marker = field + "="
        while let range = rest.range(of: marker) {
            let before = range.lowerBound == rest.startIndex ? nil : rest[rest.index(before: range.lowerBound)]
            let isKeyStart = before == nil || before == "&" || before == "." || before == "?"
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            if isKeyStart {
                let end = rest.firstIndex(of: "&") ?? rest.endIndex
                result += redacted
                rest = rest[end...]
            }
        }
        return result + rest
    }

    /// `"Field": "value"` with escapes; non-string values (e.g. a base64 blob) likewise.
    static func redactJSON(_ text: String, field: String) -> String {
        var result = ""
        var rest = Substring(text)
        let marker = "\"" + field + "\""
        while let range = rest.range(of: marker) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            var cursor = rest.startIndex
            while cursor < rest.endIndex, rest[cursor] == " " || rest[cursor] == "\n" { cursor = rest.index(after: cursor) }
            guard cursor < rest.endIndex, rest[cursor] == ":" else { continue }
            cursor = rest.index(after: cursor)
            while cursor < rest.endIndex, rest[cursor] == " " || rest[cursor] == "\n" { cursor = rest.index(after: cursor) }
            guard cursor < rest.endIndex else { continue }
            result += rest[rest.startIndex..<cursor]
            if rest[cursor] == "\"" {
                var end = rest.index(after: cursor)
                var escaped = false
                while end < rest.endIndex {
                    let character = rest[end]
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { break }
                    end = rest.index(after: end)
                }
                result += "\"" + redacted + "\""
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            } else {
                var end = cursor
                while end < rest.endIndex, rest[end] != ",", rest[end] != "}" { end = rest.index(after: end) }
                result += "\"" + redacted + "\""
                rest = rest[end...]
            }
        }
        return result + rest
    }

    /// `<Field>value</Field>` (namespace prefixes allowed on the tags).
    static func redactXML(_ text: String, field: String) -> String {
        var result = ""
        var rest = Substring(text)
        let open = "<" + field + ">"
        let close = "</" + field + ">"
        while let range = rest.range(of: open) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            if let end = rest.range(of: close) {
                result += redacted
                rest = rest[end.lowerBound...]
            } else {
                result += redacted
                rest = rest[rest.endIndex...]
            }
        }
        return result + rest
    }
}
