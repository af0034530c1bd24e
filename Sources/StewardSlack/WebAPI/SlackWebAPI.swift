import AsyncHTTPClient
import Foundation
import Logging
import NIOCore


/// The three Slack HTTP calls Steward makes: `apps.connections.open` (app token),
/// `chat.postMessage` (bot token) and POSTs to a command's `response_url`. Tokens go only into
/// the Authorization header; errors name the method and Slack's code, never the token.
public struct SlackWebAPI: Sendable {
    public static let defaultBaseURL = "https://slack.com/api/"

    /// Ends with `/`; `SLACK_API_URL` overrides it (the emulator in tests).
    public let baseURL: String
    let http: HTTPClient
    let timeout: Duration

    public init(baseURL: String = SlackWebAPI.defaultBaseURL, http: HTTPClient = .shared, timeout: Duration = .seconds(10)) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.http = http
        self.timeout = timeout
    }

    /// A fresh, single-use Socket Mode URL.
    public func openConnection(appToken: SlackToken) async throws(SlackError) -> String {
        let response = try await call("apps.connections.open", token: appToken, body: nil)
        guard let url = response.url, !url.isEmpty else {
            throw .apiError(method: "apps.connections.open", code: "no url in the response")
        }
        return url
    }

    /// Posts to a channel; returns the message timestamp.
    @discardableResult
    public func postMessage(_ message: SlackMessage, botToken: SlackToken) async throws(SlackError) -> String? {
        let body: Data
        do { body = try JSONEncoder().encode(message) } catch {
            throw .apiError(method: "chat.postMessage", code: "unencodable message")
        }
        return try await call("chat.postMessage", token: botToken, body: body).ts
    }

    /// A follow-up to a slash command through its `response_url` (no token: the URL is the
    /// credential, so it is never logged either).
    public func respond(to responseURL: String, with message: SlackMessage) async throws(SlackError) {
        let method = "response_url"
        guard responseURL.hasPrefix("https://") || responseURL.hasPrefix("http://") else {
            throw .apiError(method: method, code: "not an http(s) URL")
        }
        var request = HTTPClientRequest(url: responseURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        do {
            request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(message)))
        } catch {
            throw .apiError(method: method, code: "unencodable message")
        }
        let (status, retryAfter, _) = try await send(request, method: method)
        if status == 429 { throw .rateLimited(method: method, retryAfter: RetryAfter.parse(retryAfter)) }
        guard (200..<300).contains(status) else {
            throw .transport(method: method, detail: "HTTP \(status)")
        }
    }

    /// `auth.test`: which workspace (`team_id`) and, for an app-level token, which app (`app_id`)
    /// the token belongs to.
    public func identify(_ token: SlackToken) async throws(SlackError) -> (teamID: String?, appID: String?) {
        let response = try await call("auth.test", token: token, body: nil)
        return (response.team_id, response.app_id)
    }

    func call(_ method: String, token: SlackToken, body: Data?) async throws(SlackError) -> SlackAPIResponse {
        var request = HTTPClientRequest(url: baseURL + method)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token.reveal)")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
            request.body = .bytes(ByteBuffer(bytes: body))
        } else {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        }
        let (status, retryAfter, data) = try await send(request, method: method)
        let decoded = try? JSONDecoder().decode(SlackAPIResponse.self, from: data)
        if status == 429 || decoded?.error == "ratelimited" {
            throw .rateLimited(method: method, retryAfter: RetryAfter.parse(retryAfter))
        }
        guard let decoded else {
            throw .transport(method: method, detail: "HTTP \(status) with a body that is not Slack's JSON")
        }
        guard decoded.ok else {
            let code = decoded.error ?? "unknown_error"
            if SlackError.fatalCodes.contains(code) {
                throw .authenticationFailed(method: method, code: code, tokenKind: token.kind)
            }
            throw .apiError(method: method, code: code)
        }
        return decoded
    }

    private func send(_ request: HTTPClientRequest, method: String) async throws(SlackError) -> (status: Int, retryAfter: String?, body: Data) {
        do {
            let response = try await http.execute(request, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                + Int64(timeout.components.attoseconds / 1_000_000_000)))
            let body = try await response.body.collect(upTo: 1 << 20)
            return (Int(response.status.code), response.headers.first(name: "Retry-After"), Data(body.readableBytesView))
        } catch let error as SlackError {
            throw error
        } catch {
            // AsyncHTTPClient errors describe the host and the failure, never request headers.
            throw .transport(method: method, detail: String(describing: error))
        }
    }
}
