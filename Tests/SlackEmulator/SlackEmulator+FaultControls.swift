import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// Server-side faults a test injects: disconnect messages, abrupt drops, half-open ghosts,
/// server pings and failing Web API calls.
extension SlackEmulator {
    /// Makes the next `count` calls of Web API `method` fail with `failure` (before any token check,
    /// as Slack's rate limiter does). Example: `failNextCalls(.rateLimited(retryAfterSeconds: 1),
    /// method: "apps.connections.open", count: 2)`.
    public func failNextCalls(_ failure: SlackAPIFailure, method: String, count: Int = 1) {
        store.mutate { state in
            state.forcedFailures[method, default: []] += Array(repeating: failure, count: max(0, count))
        }
    }

    /// Sends `{"type":"disconnect","reason":…}` on `connection` (or on every open connection when
    /// `nil`), then closes it with a close frame after `gracePeriod` (default: the configuration's,
    /// like Slack's ~10 s) unless the client closed it first. Returns the connections told.
    @discardableResult
    public func disconnect(
        reason: SlackDisconnectReason,
        connection: SlackConnectionID? = nil,
        gracePeriod: Duration? = nil
    ) async throws(SlackEmulatorError) -> [SlackConnectionID] {
        let targets = try targets(connection)
        let message = disconnectMessage(reason).jsonText
        for target in targets {
            let silent = store.mutate { state -> Bool in
                state.updateConnection(target.id) { $0.disconnectsSent.append(reason) }
                return state.connectionRecord(target.id)?.state == .silent
            }
            if !silent {
                try? await target.outbound.write(.text(message))
            }
            store.schedule(after: gracePeriod ?? configuration.disconnectGracePeriod) {
                await self.closeAfterGrace(target, reason: reason)
            }
        }
        return targets.map(\.id)
    }

    private func closeAfterGrace(_ connection: LiveConnection, reason: SlackDisconnectReason) async {
        let stillOpen = store.mutate { state -> Bool in
            guard state.connectionRecord(connection.id)?.countsAsOpen == true else { return false }
            state.updateConnection(connection.id) {
                $0.state = .closed(.closedAfterDisconnect(reason))
                $0.closedAt = .now
            }
            state.live[connection.id] = nil
            return true
        }
        guard stillOpen else { return }
        try? await connection.outbound.close(.normalClosure, reason: nil)
        // A client that never answers the close frame must not keep the socket alive.
        store.schedule(after: .seconds(1)) { connection.channel.close(promise: nil) }
    }

    /// Closes the TCP connection without a WebSocket close frame, as when a load balancer or
    /// network drops it. Returns the connections dropped.
    @discardableResult
    public func dropAbruptly(connection: SlackConnectionID? = nil) throws(SlackEmulatorError) -> [SlackConnectionID] {
        let targets = try targets(connection)
        store.mutate { state in
            for target in targets {
                state.updateConnection(target.id) {
                    $0.state = .closed(.droppedByServer)
                    $0.closedAt = .now
                }
                state.live[target.id] = nil
            }
        }
        for target in targets {
            target.channel.close(promise: nil)
        }
        return targets.map(\.id)
    }

    /// Turns `connection` (or every open one) into a half-open ghost: the server stops reading —
    /// client pings get no pong, acks are never seen — and sends nothing, yet keeps the TCP socket
    /// open. Slack still counts a ghost toward the connection limit and still routes envelopes to
    /// it, where they vanish (and time out). End it with `dropAbruptly` or `stop`.
    @discardableResult
    public func goSilent(connection: SlackConnectionID? = nil) throws(SlackEmulatorError) -> [SlackConnectionID] {
        let targets = try targets(connection)
        store.mutate { state in
            for target in targets {
                state.updateConnection(target.id) { $0.state = .silent }
            }
        }
        for target in targets {
            target.channel.setOption(ChannelOptions.autoRead, value: false).whenComplete { _ in }
        }
        return targets.map(\.id)
    }

    /// Sends one WebSocket ping (the client's WebSocket layer should answer with a pong).
    public func sendPing(connection: SlackConnectionID? = nil) async throws(SlackEmulatorError) {
        for target in try targets(connection) {
            let frame = WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(string: "emulator-ping"))
            try? await target.outbound.write(.custom(frame))
            store.mutate { $0.updateConnection(target.id) { $0.pingsSent += 1 } }
        }
    }

    /// The live, not-silent-or-closed connection `id`, or every connection Slack counts as open.
    private func targets(_ id: SlackConnectionID?) throws(SlackEmulatorError) -> [LiveConnection] {
        let live = store.read { state in
            state.live.values
                .filter { state.connectionRecord($0.id)?.countsAsOpen == true }
                .sorted { $0.id < $1.id }
        }
        guard let id else { return live }
        guard let match = live.first(where: { $0.id == id }) else { throw .unknownConnection(id) }
        return [match]
    }
}
