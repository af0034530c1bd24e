import StewardCore
import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import WSClient

/// Slack Socket Mode as a service: keeps one live WebSocket to Slack (two while one replaces
/// the other), hands each slash command to `onSlashCommand` and acks it by envelope id with the
/// reply as payload, as soon as the reply exists. `run()` returns on graceful shutdown after
/// closing its sockets, and throws only on a fatal error (Slack refused the token).
public final class SocketModeClient: Service, Sendable {
    public typealias SlashCommandHandler = @Sendable (SlashCommand) async -> SlackMessage

    let appToken: SlackToken
    let api: SlackWebAPI
    let configuration: SocketModeConfiguration
    let logger: Logger
    let onSlashCommand: SlashCommandHandler
    let onEvent: @Sendable (SocketModeClientEvent) -> Void
    let random: @Sendable () -> Double
    let deduplicator: DeliveryDeduplicator
    /// The connection that said hello last: where an ack goes when its own socket has closed.
    private let newest = Mutex<SocketModeConnection?>(nil)

    public init(
        appToken: SlackToken,
        api: SlackWebAPI,
        configuration: SocketModeConfiguration = SocketModeConfiguration(),
        logger: Logger = Logger(label: "steward.slack"),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        onEvent: @escaping @Sendable (SocketModeClientEvent) -> Void = { _ in },
        onSlashCommand: @escaping SlashCommandHandler
    ) {
        self.appToken = appToken
        self.api = api
        self.configuration = configuration
        self.logger = logger
        self.random = random
        self.onEvent = onEvent
        self.onSlashCommand = onSlashCommand
        deduplicator = DeliveryDeduplicator(envelopeWindow: configuration.envelopeWindow,
                                            commandWindow: configuration.commandWindow,
                                            capacity: configuration.dedupeCapacity)
    }

    public func run() async throws {
        let (events, sink) = AsyncStream.makeStream(of: ConnectionSupervisor.Event.self)
        var supervisor = ConnectionSupervisor(backoff: configuration.backoff, stableAfter: configuration.stableAfter,
                                              maximumConnections: configuration.maximumConnections)
        var connections: [Int: SocketModeConnection] = [:]
        var failure: SlackError?
        var stopping = false
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                func perform(_ actions: [ConnectionSupervisor.Action]) -> Bool {
                    for action in actions {
                        switch action {
                        case .launch(let id, let delay):
                            let connection = SocketModeConnection(id: id)
                            connections[id] = connection
                            if delay > .zero { onEvent(.reconnecting(id: id, after: delay)) }
                            group.addTask { await self.runConnection(connection, after: delay, events: sink) }
                        case .close(let id):
                            connections[id]?.requestClose(shutdown: stopping)
                        case .stop:
                            return false
                        case .fail(let error):
                            failure = error
                            logger.critical("Slack Socket Mode stopped", metadata: ["error": "\(error)"])
                            stopping = true
                            for connection in connections.values { connection.requestClose(shutdown: true) }
                        }
                    }
                    return true
                }
                guard perform(supervisor.start()) else { return }
                for await event in events {
                    switch event {
                    case .hello(let id, _):
                        if let connection = connections[id] { newest.withLock { $0 = connection } }
                        // Logged before it is reported, so whoever awaits the event finds the line.
                        logger.info("Slack Socket Mode connected", metadata: ["connection": "\(id)"])
                        onEvent(.connected(id: id))
                    case .refresh(let id, let reason):
                        logger.info("Slack asked to reconnect", metadata: ["connection": "\(id)", "reason": "\(reason)"])
                    case .ended(let id, let error, _):
                        connections[id] = nil
                        newest.withLock { if $0?.id == id { $0 = nil } }
                        if let error { logger.warning("Slack connection ended", metadata: ["connection": "\(id)", "error": "\(error)"]) }
                        onEvent(.disconnected(id: id, error: error))
                    case .shutdown:
                        stopping = true
                    }
                    guard perform(supervisor.handle(event, unit: random())) else { break }
                    if failure != nil, connections.isEmpty { break }
                }
                // Shutdown or failure: whatever is still open is asked to close; the group
                // waits for the sockets to finish their close handshakes.
                for connection in connections.values { connection.requestClose(shutdown: true) }
            }
        } onGracefulShutdown: {
            sink.yield(.shutdown)
        }
        sink.finish()
        if let failure { throw failure }
    }

    /// Opens (after `delay`), serves and closes one connection, then reports how it ended.
    private func runConnection(_ connection: SocketModeConnection, after delay: Duration,
                               events: AsyncStream<ConnectionSupervisor.Event>.Continuation) async {
        let error = await connect(connection, after: delay, events: events)
        events.yield(.ended(connection.id, error, at: .now))
    }

    private func connect(_ connection: SocketModeConnection, after delay: Duration,
                         events: AsyncStream<ConnectionSupervisor.Event>.Continuation) async -> SlackError? {
        if delay > .zero {
            await race(connection.closeRequested.wait, against: delay)
        }
        if connection.closeRequested.isPending || Task.isCancelled { return nil }
        let url: String
        do {
            url = try await api.openConnection(appToken: appToken)
        } catch {
            return error
        }
        return await withTaskGroup(of: SlackError?.self) { group in
            group.addTask { await self.serveSocket(connection, url: url, events: events) }
            group.addTask {
                // Hello deadline; once hello came, this child just waits to be cancelled.
                await self.race(connection.hello.wait, against: self.configuration.helloTimeout)
                if connection.hello.isPending {
                    await WakeSignal().wait()
                    return nil
                }
                return Task.isCancelled || connection.closeRequested.isPending ? nil : .helloTimeout(after: self.configuration.helloTimeout)
            }
            group.addTask {
                await connection.closeRequested.wait()
                if Task.isCancelled { return nil }
                await self.drain(connection)
                if Task.isCancelled { return nil }
                try? await connection.outbound?.close(.normalClosure, reason: connection.closingForShutdown ? "shutting down" : "replaced")
                // The server answers a close at once; a silent one gets the socket cut.
                try? await Task.sleep(for: self.configuration.closeTimeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Waits until `connection` can close without losing an envelope: its acks have gone out
    /// and, when it is being replaced, nothing has arrived for `quietBeforeClose` (Slack may
    /// still route envelopes to it). Bounded by `drainTimeout`; the server closing the socket
    /// first ends the wait too (the connection's task group is cancelled). Ends with the
    /// in-flight counter sealed (unless busy at the deadline), so acks of envelopes that still
    /// arrive go out on the newest connection: this socket's close frame is about to leave.
    private func drain(_ connection: SocketModeConnection) async {
        let deadline = ContinuousClock.now + configuration.drainTimeout
        while !Task.isCancelled {
            await race(connection.inFlight.waitUntilIdle, against: deadline - .now)
            let now = ContinuousClock.now
            guard now < deadline else {
                _ = connection.inFlight.sealIfIdle()
                return
            }
            let quietSince = connection.latestArrival.map { now - $0 } ?? configuration.quietBeforeClose
            if connection.closingForShutdown || quietSince >= configuration.quietBeforeClose {
                if connection.inFlight.sealIfIdle() { return }
                continue
            }
            try? await Task.sleep(for: min(configuration.quietBeforeClose - quietSince, deadline - now))
        }
    }

    /// Runs the WebSocket until it closes. Cancellation cuts it (WSClient closes the channel).
    private func serveSocket(_ connection: SocketModeConnection, url: String,
                             events: AsyncStream<ConnectionSupervisor.Event>.Continuation) async -> SlackError? {
        var socketConfiguration = WebSocketClientConfiguration(
            maxFrameSize: configuration.maximumMessageSize,
            closeTimeout: configuration.closeTimeout,
            autoPing: .enabled(timePeriod: configuration.pingInterval)
        )
        socketConfiguration.sniHostname = nil
        // WSClient logs the URL (a single-use ticket) at debug: keep it out of our logs.
        var quiet = logger
        quiet.logLevel = .warning
        do {
            try await WebSocketClient.connect(url: url, configuration: socketConfiguration, logger: quiet) { inbound, outbound, _ in
                connection.attach(outbound)
                await self.serve(connection, inbound: inbound, outbound: outbound, events: events)
            }
        } catch {
            if connection.closeRequested.isPending { return nil }
            return .connectionLost(detail: Self.describe(error))
        }
        if connection.closeRequested.isPending { return nil }
        return .connectionLost(detail: connection.hello.isPending ? "the server closed the connection (or stopped answering pings)"
            : "the server closed the connection before hello")
    }

    private func serve(_ connection: SocketModeConnection, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
                       events: AsyncStream<ConnectionSupervisor.Event>.Continuation) async {
        await withDiscardingTaskGroup { group in
            do {
                for try await message in inbound.messages(maxSize: configuration.maximumMessageSize) {
                    guard case .text(let text) = message, let decoded = SocketModeMessage.decode(text) else { continue }
                    switch decoded {
                    case .hello:
                        connection.hello.ring()
                        events.yield(.hello(connection.id, at: .now))
                    case .disconnect(let reason):
                        events.yield(.refresh(connection.id, reason: reason))
                    case .envelope(let envelope):
                        let arrived = ContinuousClock.now
                        connection.received(at: arrived)
                        connection.inFlight.enter()
                        group.addTask {
                            await self.process(envelope, arrived: arrived, on: connection, outbound: outbound)
                            connection.inFlight.leave()
                        }
                    case .other(let type):
                        logger.debug("ignored Socket Mode message", metadata: ["type": "\(type)"])
                    }
                }
            } catch {
                logger.debug("Socket Mode read ended", metadata: ["connection": "\(connection.id)", "error": "\(Self.describe(error))"])
            }
        }
    }

    /// Handles one envelope (or recognises a redelivery) and acks it on the socket it came in on.
    private func process(_ envelope: SocketModeEnvelope, arrived: ContinuousClock.Instant, on connection: SocketModeConnection,
                         outbound: WebSocketOutboundWriter) async {
        let command = envelope.slashCommand.map { command in
            var command = command
            command.envelopeID = envelope.id
            return command
        }
        let decision = await deduplicator.begin(envelopeID: envelope.id, commandIdentity: command?.identity)
        let reply: SlackMessage?
        let duplicate: Bool
        switch decision {
        case .duplicate(let previous):
            reply = previous
            duplicate = true
            logger.info("redelivery acked without acting again", metadata: [
                "envelope": "\(envelope.id)", "retry_attempt": "\(envelope.retryAttempt ?? 0)"])
        case .first(let slot):
            duplicate = false
            if let command {
                // Shielded from the socket's cancellation: a command that started is finished
                // and remembered, so Slack's redelivery on the next connection gets its reply.
                let handler = onSlashCommand
                reply = await Task { await handler(command) }.value
            } else {
                reply = nil
            }
            await deduplicator.finish(slot, reply: reply)
        }
        let ack = SocketModeAck(envelope_id: envelope.id, payload: command != nil || envelope.acceptsResponsePayload ? reply : nil)
        do {
            // An envelope can cross our close frame on the wire: it arrives once this socket is
            // closing, and Slack reads nothing after a close. Slack matches acks by envelope id,
            // so the newest connection carries the ack rather than the user seeing a timeout.
            if connection.inFlight.isSealed, let other = newest.withLock({ $0 }), other !== connection, let writer = other.outbound {
                try await writer.write(.text(ack.json()))
                logger.info("acked on a newer connection: the envelope arrived as its own socket was closing",
                            metadata: ["envelope": "\(envelope.id)", "connection": "\(other.id)"])
            } else {
                try await outbound.write(.text(ack.json()))
            }
            onEvent(.acked(envelopeID: envelope.id, latency: .now - arrived, duplicate: duplicate))
        } catch {
            // The socket closed under the ack. Slack redelivers events (the deduplicator answers
            // them); a slash command is not redelivered: its user sees a timeout, though it was
            // handled, and its follow-up still comes through response_url.
            logger.warning(command == nil ? "could not ack an envelope; Slack will redeliver it"
                                          : "could not ack a slash command; its user sees a timeout, but it was handled and the follow-up will say so",
                           metadata: ["envelope": "\(envelope.id)"])
        }
    }

    /// Waits for `operation` or `timeout`, whichever is first.
    func race(_ operation: @escaping @Sendable () async -> Void, against timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await operation() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? SlackError { return error.description }
        return String(describing: error)
    }
}
