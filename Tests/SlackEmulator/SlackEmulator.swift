import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import StewardTestSupport
import Synchronization

/// A local emulator of Slack's servers — Web API, Socket Mode WebSocket and `response_url` —
/// written from Slack's protocol and strict where Slack is strict. Loopback only.
///
/// ```swift
/// try await SlackEmulator.withRunning(appToken: "xapp-1-A1-1-x", botToken: "xoxb-1") { slack in
///     // Point the client at slack.apiURL ("http://127.0.0.1:PORT/api/").
///     let first = try await slack.waitForConnection(number: 1)          // hello already sent
///     let envelopeID = try await slack.sendSlashCommand(
///         command: "/whitelist", text: "add 203.0.113.10 office --env dev")
///     let ack = try await slack.waitForAck(envelopeID)                 // within 3 s or it's a timeout
///     let reply = try await slack.waitForFollowUp(envelopeID)          // POST to response_url
///     try await slack.disconnect(reason: .refreshRequested, connection: first.id)
///     _ = try await slack.waitForConnection(number: 2)                 // client reconnected
/// }
/// ```
///
/// Faults: `failNextCalls(_:method:count:)` (429/`ratelimited`, fatal errors), `disconnect`,
/// `dropAbruptly` (TCP closed without a close frame), `goSilent` (half-open ghost: no reads, no
/// pongs, envelopes vanish, still counts toward the 10-connection limit), `sendPing`.
/// Observe with `records` and the `waitFor…` methods; never sleep to synchronise.
public final class SlackEmulator: Sendable {
    /// The app-level token (`xapp-…`) `apps.connections.open` accepts.
    public let appToken: String
    /// The bot token (`xoxb-…`) the other Web API methods accept.
    public let botToken: String
    public let configuration: SlackEmulatorConfiguration
    let store = EmulatorStore()

    private init(appToken: String, botToken: String, configuration: SlackEmulatorConfiguration) {
        self.appToken = appToken
        self.botToken = botToken
        self.configuration = configuration
    }

    /// The TCP port on 127.0.0.1 serving every endpoint.
    public var port: Int { store.read(\.port) }
    /// `http://127.0.0.1:PORT/` — the root of every emulated endpoint.
    public var baseURL: String { "http://127.0.0.1:\(port)/" }
    /// `http://127.0.0.1:PORT/api/` — the Web API base (Slack's `https://slack.com/api/`).
    public var apiURL: String { baseURL + "api/" }
    public var appID: String { configuration.appID }
    /// Everything observed so far (a snapshot).
    public var records: SlackEmulatorRecords { store.read(\.records) }
    /// Connections Slack would count as open, ghosts included.
    public var openConnectionCount: Int { store.read { $0.records.openConnections.count } }

    /// Starts the emulator on 127.0.0.1 on a free port. Call `stop()` when done, or prefer
    /// `withRunning`, which stops on every exit path.
    public static func start(
        appToken: String = "xapp-1-A0STEWARD01-1-emulator",
        botToken: String = "xoxb-1-emulator",
        configuration: SlackEmulatorConfiguration = .init()
    ) async throws(SlackEmulatorError) -> SlackEmulator {
        guard appToken.hasPrefix("xapp-") else {
            throw .invalidArgument("the app-level token must start with xapp-, got \(appToken.prefix(5))…")
        }
        guard botToken.hasPrefix("xoxb-") else {
            throw .invalidArgument("the bot token must start with xoxb-, got \(botToken.prefix(5))…")
        }
        let emulator = SlackEmulator(appToken: appToken, botToken: botToken, configuration: configuration)
        try await emulator.runServer()
        return emulator
    }

    /// Starts an emulator, runs `body` with it and stops it however `body` exits.
    public static func withRunning<T: Sendable>(
        appToken: String = "xapp-1-A0STEWARD01-1-emulator",
        botToken: String = "xoxb-1-emulator",
        configuration: SlackEmulatorConfiguration = .init(),
        _ body: (SlackEmulator) async throws -> T
    ) async throws -> T {
        try await start(appToken: appToken, botToken: botToken, configuration: configuration).use(body)
    }

    /// Closes every connection, fails pending waits, stops the server and waits for it to exit.
    /// Idempotent.
    public func stop() async {
        let (connections, serverTask) = store.shutDown()
        store.mutate { state in
            for connection in connections {
                state.updateConnection(connection.id) { record in
                    if record.countsAsOpen {
                        record.state = .closed(.emulatorStopped)
                        record.closedAt = .now
                    }
                }
            }
            state.live.removeAll()
        }
        for connection in connections {
            connection.channel.close(promise: nil)
        }
        serverTask?.cancel()
        await serverTask?.value
    }

    private func runServer() async throws(SlackEmulatorError) {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: CallbackResponder { (request: Request, _: BasicRequestContext) in
                await self.respond(to: request)
            },
            server: .http1WebSocketUpgrade(
                configuration: .init(
                    http1: .init(idleTimeout: nil),
                    ws: .init(maxFrameSize: 1 << 20, autoPing: .disabled, closeTimeout: .seconds(2), validateUTF8: true)
                )
            ) { head, channel, _ in
                self.shouldUpgrade(head, channel: channel)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "SlackEmulator"),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: configuration.logger
        )
        let failure = Mutex<String?>(nil)
        let task = Task {
            do {
                try await app.run()
            } catch {
                failure.withLock { $0 = String(describing: error) }
            }
            portContinuation.finish()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            await task.value
            throw .startFailed(failure.withLock { $0 } ?? "the server exited before listening on 127.0.0.1")
        }
        store.mutate { state in
            state.port = port
            state.serverTask = task
        }
    }
}

extension SlackEmulator: TestResource {
    public func close() async { await stop() }
}
