// Test-only plumbing for the emulator's self-tests: a raw Socket Mode client built on WSClient
// and AsyncHTTPClient helpers. Deliberately independent of StewardSlack's client, so the
// emulator is checked against Slack's protocol rather than against the code it will test.
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import SlackEmulator
import Synchronization
import Testing
import WSClient

enum EmulatorProbeError: Error, CustomStringConvertible {
    case noFrame(within: Duration)
    case socketEnded
    case badResponse(String)

    var description: String {
        switch self {
        case .noFrame(let within): "no WebSocket frame within \(within)"
        case .socketEnded: "the WebSocket ended before the expected frame"
        case .badResponse(let detail): "unexpected HTTP response: \(detail)"
        }
    }
}

/// Frames a probe socket received, with bounded waits.
final class EmulatorProbeInbox: Sendable {
    private struct State {
        var buffer: [String] = []
        var ended = false
        var waiters: [Int: CheckedContinuation<String?, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    func push(_ frame: String) {
        let waiter = state.withLock { state -> CheckedContinuation<String?, Never>? in
            if let id = state.waiters.keys.min() { return state.waiters.removeValue(forKey: id) }
            state.buffer.append(frame)
            return nil
        }
        waiter?.resume(returning: frame)
    }

    func end() {
        let waiters = state.withLock { state in
            state.ended = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        waiters.forEach { $0.resume(returning: nil) }
    }

    var unreadCount: Int { state.withLock { $0.buffer.count } }

    /// The next frame; `nil` when the socket ended or nothing came within `timeout`.
    func next(timeout: Duration) async -> String? {
        await withCheckedContinuation { continuation in
            let id = state.withLock { state -> Int? in
                if !state.buffer.isEmpty {
                    continuation.resume(returning: state.buffer.removeFirst())
                    return nil
                }
                if state.ended {
                    continuation.resume(returning: nil)
                    return nil
                }
                let id = state.nextID
                state.nextID += 1
                state.waiters[id] = continuation
                return id
            }
            guard let id else { return }
            Task {
                try? await Task.sleep(for: timeout)
                let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
                waiter?.resume(returning: nil)
            }
        }
    }
}

/// A bare Socket Mode client: connects, records every text frame, sends what the test says.
final class EmulatorProbeSocket: Sendable {
    enum Outgoing: Sendable {
        case text(String)
        case close
    }

    /// How the client's side of the connection ended.
    struct Ending: Sendable {
        /// The server's close frame code, if the server sent one.
        let closeCode: String?
        let error: String?
        /// The server refused the WebSocket handshake (non-101 answer).
        var upgradeFailed = false
    }

    let inbox = EmulatorProbeInbox()
    private let outgoing: AsyncStream<Outgoing>.Continuation
    private let task: Task<Ending, Never>

    init(url: String, autoPing: AutoPingSetup = .disabled) {
        let (stream, continuation) = AsyncStream.makeStream(of: Outgoing.self)
        outgoing = continuation
        let inbox = inbox
        task = Task {
            var logger = Logger(label: "EmulatorProbeSocket")
            logger.logLevel = .critical
            do {
                let closeFrame = try await WebSocketClient.connect(
                    url: url,
                    configuration: .init(maxFrameSize: 1 << 20, closeTimeout: .seconds(2), autoPing: autoPing),
                    logger: logger
                ) { inbound, outbound, _ in
                    await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                if case .text(let text) = message { inbox.push(text) }
                            }
                        }
                        group.addTask {
                            for await message in stream {
                                switch message {
                                case .text(let text): try await outbound.write(.text(text))
                                case .close: return
                                }
                            }
                        }
                        // Whichever ends first (server went away, or the test closes) ends the socket.
                        _ = try? await group.next()
                        group.cancelAll()
                    }
                }
                inbox.end()
                return Ending(closeCode: closeFrame.map { "\($0.closeCode)" }, error: nil)
            } catch {
                inbox.end()
                let refused = (error as? WebSocketClientError) == .webSocketUpgradeFailed
                return Ending(closeCode: nil, error: "\(error)", upgradeFailed: refused)
            }
        }
    }

    func send(_ json: SlackJSON) { outgoing.yield(.text(json.jsonText)) }
    func sendRaw(_ text: String) { outgoing.yield(.text(text)) }

    /// Acks `envelopeID`, optionally with a reply payload.
    func ack(_ envelopeID: String, payload: SlackJSON? = nil) {
        var frame: [String: SlackJSON] = ["envelope_id": .string(envelopeID)]
        if let payload { frame["payload"] = payload }
        send(.object(frame))
    }

    func close() { outgoing.yield(.close) }

    /// The next frame as JSON, or throws when none arrives in time.
    func nextFrame(timeout: Duration = .seconds(5)) async throws -> SlackJSON {
        guard let text = await inbox.next(timeout: timeout) else {
            throw EmulatorProbeError.noFrame(within: timeout)
        }
        guard let json = SlackJSON.parse(text) else { throw EmulatorProbeError.badResponse("non-JSON frame \(text)") }
        return json
    }

    /// Waits (bounded) for the client side to end and says how.
    func ending(timeout: Duration = .seconds(5)) async throws -> Ending {
        let task = task
        return try await withThrowingTaskGroup(of: Ending?.self) { group in
            group.addTask { await task.value }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let ending = first else {
                throw EmulatorProbeError.noFrame(within: timeout)
            }
            return ending
        }
    }

    /// Closes the socket and waits for its task, so no test leaves a connection behind.
    func shutDown() async {
        outgoing.yield(.close)
        outgoing.finish()
        _ = await task.value
    }
}

struct EmulatorProbeHTTPResponse {
    let status: Int
    /// Header values by lowercased name (first value wins).
    let headers: [String: String]
    let text: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var json: SlackJSON? { SlackJSON.parse(text) }
}

/// Starts an emulator and an HTTP client, runs `body`, and stops both on every exit path.
func withSlackEmulator<T: Sendable>(
    configure: (inout SlackEmulatorConfiguration) -> Void = { _ in },
    _ body: (SlackEmulator, HTTPClient) async throws -> T
) async throws -> T {
    var configuration = SlackEmulatorConfiguration()
    configuration.logger.logLevel = .critical
    configure(&configuration)
    let http = HTTPClient(
        eventLoopGroupProvider: .singleton,
        configuration: .init(timeout: .init(connect: .seconds(2), read: .seconds(10)))
    )
    do {
        let result = try await SlackEmulator.withRunning(configuration: configuration) { slack in
            try await body(slack, http)
        }
        try await http.shutdown()
        return result
    } catch {
        try? await http.shutdown()
        throw error
    }
}

extension HTTPClient {
    func post(
        _ url: String,
        bearer: String? = nil,
        contentType: String = "application/json",
        body: String = ""
    ) async throws -> EmulatorProbeHTTPResponse {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return EmulatorProbeHTTPResponse(
            status: Int(response.status.code),
            headers: Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first }),
            text: String(buffer: bytes)
        )
    }

    func post(_ url: String, bearer: String? = nil, json: SlackJSON) async throws -> EmulatorProbeHTTPResponse {
        try await post(url, bearer: bearer, body: json.jsonText)
    }
}

extension SlackEmulator {
    /// Calls `apps.connections.open` with the app token and returns the WebSocket URL.
    func openSocketURL(_ http: HTTPClient) async throws -> String {
        let response = try await http.post(apiURL + "apps.connections.open", bearer: appToken)
        guard response.status == 200, response.json?["ok"] == true, let url = response.json?["url"]?.stringValue else {
            throw EmulatorProbeError.badResponse("apps.connections.open: \(response.status) \(response.text)")
        }
        return url
    }

    /// Opens a Socket Mode connection and consumes its `hello`.
    func connectProbe(_ http: HTTPClient, autoPing: AutoPingSetup = .disabled) async throws -> (EmulatorProbeSocket, SlackJSON) {
        let socket = EmulatorProbeSocket(url: try await openSocketURL(http), autoPing: autoPing)
        do {
            let hello = try await socket.nextFrame()
            return (socket, hello)
        } catch {
            await socket.shutDown()
            throw error
        }
    }
}
