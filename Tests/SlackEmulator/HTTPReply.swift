import Foundation
import Hummingbird
import NIOCore

/// Builds the emulator's HTTP responses.
enum HTTPReply {
    static func json(_ body: SlackJSON, status: HTTPResponse.Status = .ok, retryAfter: Int? = nil) -> Response {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter {
            headers[.retryAfter] = String(retryAfter)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body.jsonText)))
    }

    static func text(_ body: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    /// Slack's Web API error shape: `{"ok":false,"error":…}`, HTTP 200 unless rate limited.
    static func apiError(_ error: String, status: HTTPResponse.Status = .ok, retryAfter: Int? = nil, messages: [String] = []) -> Response {
        var body: [String: SlackJSON] = ["ok": false, "error": .string(error)]
        if !messages.isEmpty {
            body["response_metadata"] = ["messages": .array(messages.map { .string($0) })]
        }
        return json(.object(body), status: status, retryAfter: retryAfter)
    }
}
