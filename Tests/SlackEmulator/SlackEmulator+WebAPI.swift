import Foundation
import Hummingbird
import NIOCore

/// The HTTP side: Web API methods, `response_url` and refused WebSocket handshakes.
extension SlackEmulator {
    static let maxBodySize = 1 << 20
    static let maxMessageText = 40_000

    func respond(to request: Request) async -> Response {
        var request = request
        let path = request.uri.path
        let body: Data
        do {
            body = Data(buffer: try await request.collectBody(upTo: Self.maxBodySize))
        } catch {
            return HTTPReply.text("request body over \(Self.maxBodySize) bytes or unreadable", status: .contentTooLarge)
        }
        if path.hasPrefix("/api/") {
            let method = String(path.dropFirst("/api/".count))
            let response = webAPI(method: method, request: request, body: body)
            return response
        }
        if path.hasPrefix("/response/") {
            return responseURLPost(id: String(path.dropFirst("/response/".count)), request: request, body: body)
        }
        if path.hasPrefix("/link") {
            // Reaching the responder means `shouldUpgrade` refused: an unknown, used or expired ticket.
            return HTTPReply.text("invalid_ticket", status: .unauthorized)
        }
        return HTTPReply.text("not found", status: .notFound)
    }

    private func webAPI(method: String, request: Request, body: Data) -> Response {
        guard request.method == .post || request.method == .get else {
            return record(method, HTTPReply.apiError("invalid_request", status: .methodNotAllowed), error: "invalid_request")
        }
        if let failure = store.mutate({ state in state.forcedFailures[method]?.isEmpty == false ? state.forcedFailures[method]?.removeFirst() : nil }) {
            return respond(method: method, failure: failure)
        }
        guard let arguments = RequestArguments(body: body, contentType: request.headers[.contentType]) else {
            return record(method, HTTPReply.apiError("invalid_json"), error: "invalid_json")
        }
        let headerToken = Self.bearerToken(request.headers[.authorization])
        switch method {
        case "apps.connections.open":
            return connectionsOpen(headerToken: headerToken)
        case "chat.postMessage":
            return postMessage(headerToken: headerToken, arguments: arguments)
        case "auth.test":
            return authTest(token: headerToken ?? (arguments.isJSON ? nil : arguments.string("token")))
        default:
            return record(method, HTTPReply.apiError("unknown_method", status: .notFound), error: "unknown_method")
        }
    }

    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.lowercased().hasPrefix("bearer ") else { return nil }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// Why `token` may not call a method that needs a token of the other kind, or `nil` if it may.
    private func tokenProblem(_ token: String?, required: TokenKind) -> String? {
        guard let token else { return "not_authed" }
        let kind: TokenKind? = token == appToken ? .app : token == botToken ? .bot : nil
        guard let kind else { return "invalid_auth" }
        return kind == required ? nil : "not_allowed_token_type"
    }

    private enum TokenKind { case app, bot }

    private func connectionsOpen(headerToken: String?) -> Response {
        let method = "apps.connections.open"
        // Slack reads the app-level token only from the Authorization header for this method.
        if let problem = tokenProblem(headerToken, required: .app) {
            return record(method, HTTPReply.apiError(problem), error: problem)
        }
        let ticket = Self.randomHex(bytes: 16)
        let port = store.mutate { state in
            state.tickets[ticket] = Ticket(issuedAt: .now, used: false)
            return state.port
        }
        let url = "ws://127.0.0.1:\(port)/link/?ticket=\(ticket)&app_id=\(configuration.appID)"
        return record(method, HTTPReply.json(["ok": true, "url": .string(url)]), error: nil)
    }

    private func authTest(token: String?) -> Response {
        let method = "auth.test"
        guard let token else { return record(method, HTTPReply.apiError("not_authed"), error: "not_authed") }
        var body: [String: SlackJSON] = [
            "ok": true,
            "url": .string("https://\(configuration.teamDomain).slack.com/"),
            "team": .string(configuration.teamDomain),
            "team_id": .string(configuration.teamID),
        ]
        if token == botToken {
            body["user"] = "steward"
            body["user_id"] = .string(configuration.botUserID)
            body["bot_id"] = .string(configuration.botID)
        } else if token == appToken {
            body["app_id"] = .string(configuration.appID)
        } else {
            return record(method, HTTPReply.apiError("invalid_auth"), error: "invalid_auth")
        }
        return record(method, HTTPReply.json(.object(body)), error: nil)
    }

    private func postMessage(headerToken: String?, arguments: RequestArguments) -> Response {
        let method = "chat.postMessage"
        // Form bodies may carry the token as an argument; JSON bodies must use the header.
        let token = headerToken ?? (arguments.isJSON ? nil : arguments.string("token"))
        if let problem = tokenProblem(token, required: .bot) {
            return record(method, HTTPReply.apiError(problem), error: problem)
        }
        guard let channel = arguments.string("channel"), !channel.isEmpty else {
            return record(method, HTTPReply.apiError("channel_not_found"), error: "channel_not_found")
        }
        let text = arguments.string("text")
        var blocks = arguments["blocks"]
        if case .string(let encoded)? = blocks {
            guard let decoded = SlackJSON.parse(encoded) else {
                return record(method, HTTPReply.apiError("invalid_blocks_format"), error: "invalid_blocks_format")
            }
            blocks = decoded
        }
        if let blocks {
            guard blocks.arrayValue != nil else {
                return record(method, HTTPReply.apiError("invalid_blocks_format"), error: "invalid_blocks_format")
            }
            let problems = BlockKitValidator.problems(in: blocks)
            if !problems.isEmpty {
                return record(method, HTTPReply.apiError("invalid_blocks", messages: problems), error: "invalid_blocks")
            }
        }
        let hasBlocks = (blocks?.arrayValue?.isEmpty == false)
        if (text ?? "").isEmpty && !hasBlocks && arguments["attachments"] == nil {
            return record(method, HTTPReply.apiError("no_text"), error: "no_text")
        }
        if let text, text.count > Self.maxMessageText {
            return record(method, HTTPReply.apiError("msg_too_long"), error: "msg_too_long")
        }
        let interval = configuration.postMessageInterval
        let outcome: Result<String, RateLimited> = store.mutate { state in
            let now = ContinuousClock.now
            if let interval, let last = state.lastPostByChannel[channel], now - last < interval {
                return .failure(RateLimited(retryAfter: Self.wholeSeconds(interval - (now - last))))
            }
            state.lastPostByChannel[channel] = now
            state.messageCounter += 1
            let ts = String(format: "1700000000.%06d", state.messageCounter)
            state.records.postedMessages.append(
                SlackPostedMessage(
                    channel: channel, text: text, blocks: blocks, ts: ts,
                    threadTS: arguments.string("thread_ts"), arguments: .object(arguments.values), receivedAt: now
                )
            )
            return .success(ts)
        }
        switch outcome {
        case .failure(let limited):
            return record(
                method, HTTPReply.apiError("ratelimited", status: .tooManyRequests, retryAfter: limited.retryAfter),
                error: "ratelimited", retryAfter: limited.retryAfter
            )
        case .success(let ts):
            var message: [String: SlackJSON] = ["type": "message", "ts": .string(ts), "bot_id": .string(configuration.botID)]
            message["text"] = text.map { .string($0) } ?? ""
            if let blocks { message["blocks"] = blocks }
            return record(
                method,
                HTTPReply.json(["ok": true, "channel": .string(channel), "ts": .string(ts), "message": .object(message)]),
                error: nil
            )
        }
    }

    private struct RateLimited: Error { let retryAfter: Int }

    private func respond(method: String, failure: SlackAPIFailure) -> Response {
        switch failure {
        case .rateLimited(let seconds):
            return record(
                method, HTTPReply.apiError("ratelimited", status: .tooManyRequests, retryAfter: seconds),
                error: "ratelimited", retryAfter: seconds
            )
        case .error(let error):
            return record(method, HTTPReply.apiError(error), error: error)
        case .httpStatus(let status, let error):
            return record(method, HTTPReply.apiError(error, status: .init(code: status)), error: error)
        }
    }

    /// Records the call, then returns `response` unchanged.
    func record(_ method: String, _ response: Response, error: String?, retryAfter: Int? = nil) -> Response {
        store.mutate { state in
            state.records.apiCalls.append(
                SlackAPICall(method: method, httpStatus: response.status.code, error: error, retryAfter: retryAfter, at: .now)
            )
        }
        return response
    }

    /// Retry-After is whole seconds; round up so a client that honours it is never early.
    static func wholeSeconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) + (attoseconds > 0 ? 1 : 0))
    }

    static func randomHex(bytes: Int) -> String {
        (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }
}
