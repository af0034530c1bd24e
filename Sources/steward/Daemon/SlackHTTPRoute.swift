import Foundation
import Hummingbird
import StewardSlack

/// HTTP mode: `POST /slack/commands`, Slack's request URL for slash commands. The signature is
/// checked before the body is parsed; a request that fails it gets 401 and changes nothing.
struct SlackHTTPRoute: Sendable {
    static let path = "slack/commands"
    /// Slack's slash-command bodies are a few hundred bytes.
    static let maximumBody = 64 * 1024

    let verifier: SlackRequestVerifier
    let responder: SlackCommandResponder

    func register(on router: Router<BasicRequestContext>) {
        router.post(RouterPath(stringLiteral: Self.path)) { request, _ -> Response in
            let body = try await request.body.collect(upTo: Self.maximumBody)
            let bytes = Array(body.readableBytesView)
            do {
                try verifier.verify(timestamp: Self.header("x-slack-request-timestamp", in: request.headers),
                                    signature: Self.header("x-slack-signature", in: request.headers),
                                    body: bytes, now: Date())
            } catch {
                return Self.json(#"{"error":"invalid_signature"}"#, status: .unauthorized)
            }
            guard let command = SlashCommand(formBody: String(decoding: bytes, as: UTF8.self)) else {
                return Self.json(#"{"error":"not a slash command"}"#, status: .badRequest)
            }
            let message = await responder.respond(to: command)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let data = (try? encoder.encode(message)) ?? Data(#"{"text":"error"}"#.utf8)
            return Self.json(String(decoding: data, as: UTF8.self), status: .ok)
        }
    }

    private static func header(_ name: String, in headers: HTTPFields) -> String? {
        headers.first { $0.name.canonicalName == name }?.value
    }

    private static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
