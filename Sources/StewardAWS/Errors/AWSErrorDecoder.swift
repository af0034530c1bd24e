import Foundation

/// Turns a non-2xx response into one `AWSError`, whatever shape its body has.
enum AWSErrorDecoder {
    static func decode(_ response: AWSHTTPResponse, operation: String) -> AWSError {
        let headerRequestID = response.headers.value(for: "x-amzn-RequestId")
            ?? response.headers.value(for: "x-amz-request-id")
            ?? response.headers.value(for: "x-amzn-requestid")
        let firstByte = response.body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })

        if firstByte == UInt8(ascii: "<"), let document = try? AWSXMLDocument(bytes: response.body) {
            let root = document.root
            // EC2: <Response><Errors><Error>…; RDS/STS: <ErrorResponse><Error>…; moto's 403s
            // from JSON services and S3-style bodies: <Error> at the root or anywhere below.
            let error = root.hasName(Array("Error".utf8)) ? root : root.descendant("Error")
            let code = error?.string("Code")?.trimmingWhitespace
            let message = error?.string("Message") ?? error?.string("message") ?? root.string("Message")
            let requestID = root.descendant("RequestId")?.text ?? root.descendant("RequestID")?.text
            return AWSError(
                code: AWSErrorCode(rawValue: nonEmpty(code) ?? codeFromHeader(response) ?? String(response.status)),
                message: message?.trimmingWhitespace ?? "",
                requestID: nonEmpty(requestID) ?? headerRequestID,
                statusCode: response.status,
                operation: operation
            )
        }

        if firstByte == UInt8(ascii: "{"), let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] {
            let type = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String)
            let message = (object["message"] as? String) ?? (object["Message"] as? String) ?? (object["errorMessage"] as? String)
            return AWSError(
                code: AWSErrorCode(rawValue: codeFromHeader(response) ?? type.map(sanitizeCode) ?? String(response.status)),
                message: message ?? "",
                requestID: headerRequestID,
                statusCode: response.status,
                operation: operation
            )
        }

        return AWSError(
            code: AWSErrorCode(rawValue: codeFromHeader(response) ?? String(response.status)),
            message: response.body.isEmpty ? "" : "unrecognised error body (\(response.body.count) bytes)",
            requestID: headerRequestID,
            statusCode: response.status,
            operation: operation
        )
    }

    /// `x-amzn-ErrorType: ThrottlingException:http://internal.amazon.com/…`
    private static func codeFromHeader(_ response: AWSHTTPResponse) -> String? {
        guard let value = response.headers.value(for: "x-amzn-ErrorType"), !value.isEmpty else { return nil }
        return sanitizeCode(value)
    }

    /// `com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException` → the part after `#`;
    /// a trailing `:url` is dropped.
    static func sanitizeCode(_ raw: String) -> String {
        var code = Substring(raw)
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        return String(code).trimmingWhitespace
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
