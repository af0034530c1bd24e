import AsyncHTTPClient
import Foundation
import NIOCore
import StewardTestSupport
import Synchronization

/// A proxy in front of moto_server that gives RunInstances AWS's `ClientToken` semantics,
/// which moto lacks (MOTO.md item 8): a repeated token launches nothing and answers with the
/// first launch's instance *as it is now* (so a token spent on a since-terminated bastion
/// answers `terminated`). It can also lose the answer of the next RunInstances after moto
/// has launched, the way a dropped connection does, and refuse the next call of an action
/// with an error code moto never gives (`IncorrectInstanceState`). Everything else passes
/// through.
final class BastionIdempotencyProxy: Sendable {
    private struct State {
        var instanceByToken: [String: String] = [:]
        var loseNextLaunchResponse = false
        var failNext: [String: String] = [:]
        var launches = 0
        var replays = 0
    }

    private let state = Mutex(State())
    private let motoEndpoint: String

    init(motoEndpoint: String) {
        self.motoEndpoint = motoEndpoint
    }

    /// RunInstances calls that reached moto (real launches) and that were answered from the cache.
    var launches: Int { state.withLock { $0.launches } }
    var replays: Int { state.withLock { $0.replays } }

    /// The next RunInstances launches in moto but its caller gets an HTTP 503.
    func loseNextLaunchResponse() {
        state.withLock { $0.loseNextLaunchResponse = true }
    }

    /// The next call of `action` gets HTTP 400 with `code`, and reaches nothing.
    func failNext(_ action: String, code: String) {
        state.withLock { $0.failNext[action] = code }
    }

    func handle(_ request: LocalHTTPRequest) async -> LocalHTTPResponse {
        if let action = request.formValue("Action"), let code = state.withLock({ $0.failNext.removeValue(forKey: action) }) {
            return LocalHTTPResponse(status: 400, contentType: "text/xml", text: Self.error(code))
        }
        do {
            guard request.formValue("Action") == "RunInstances", let token = request.formValue("ClientToken") else {
                return try await forward(request.method, request.uri, headers: request.headers, body: request.body)
            }
            if let instanceID = state.withLock({ $0.instanceByToken[token] }) {
                state.withLock { $0.replays += 1 }
                return try await replay(instanceID, headers: request.headers)
            }
            let response = try await forward(request.method, request.uri, headers: request.headers, body: request.body)
            guard response.status == 200, let instanceID = Self.firstElement("instanceId", in: String(decoding: response.body, as: UTF8.self)) else {
                return response
            }
            let lose = state.withLock { state -> Bool in
                state.instanceByToken[token] = instanceID
                state.launches += 1
                defer { state.loseNextLaunchResponse = false }
                return state.loseNextLaunchResponse
            }
            return lose ? LocalHTTPResponse(status: 503, contentType: "text/xml", text: Self.error("ServiceUnavailable")) : response
        } catch {
            return LocalHTTPResponse(status: 500, contentType: "text/xml", text: Self.error("InternalError"))
        }
    }

    /// The instance's current description, reshaped as a RunInstances answer (both carry the
    /// reservation's fields and an `instancesSet`).
    private func replay(_ instanceID: String, headers: [(String, String)]) async throws -> LocalHTTPResponse {
        let body = Array("Action=DescribeInstances&Version=2016-11-15&InstanceId.1=\(instanceID)".utf8)
        let described = try await forward("POST", "/", headers: headers, body: body)
        let text = String(decoding: described.body, as: UTF8.self)
        guard described.status == 200,
              let open = text.range(of: "<reservationSet>"), let close = text.range(of: "</reservationSet>", options: .backwards)
        else { return described }
        var reservation = text[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        if reservation.hasPrefix("<item>") { reservation.removeFirst("<item>".count) }
        if reservation.hasSuffix("</item>") { reservation.removeLast("</item>".count) }
        let answer = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><RunInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<requestId>replayed-by-proxy</requestId>\(reservation)</RunInstancesResponse>"
        return LocalHTTPResponse(status: 200, contentType: "text/xml", text: answer)
    }

    private func forward(_ method: String, _ uri: String, headers: [(String, String)], body: [UInt8]) async throws -> LocalHTTPResponse {
        var outgoing = HTTPClientRequest(url: motoEndpoint + uri)
        outgoing.method = .init(rawValue: method)
        for (name, value) in headers where !["host", "content-length"].contains(name.lowercased()) {
            outgoing.headers.add(name: name, value: value)
        }
        outgoing.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let contentType = response.headers.first(name: "Content-Type") ?? "text/xml"
        return LocalHTTPResponse(status: Int(response.status.code), headers: [("Content-Type", contentType)], body: Array(buffer.readableBytesView))
    }

    static func firstElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"), let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }

    private static func error(_ code: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>\(code)</Code><Message>injected by the test proxy</Message></Error></Errors><RequestID>proxy</RequestID></Response>"
    }
}
