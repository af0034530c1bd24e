import Foundation
import HTTPTypes
import HummingbirdWebSocket
import NIOCore
import NIOWebSocket

/// The Socket Mode WebSocket: ticket check on upgrade, `hello`, the connection limit, acks.
extension SlackEmulator {
    typealias UpgradeHandler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    static let maxInboundMessage = 1 << 20
    static let rejectionCloseDelay: Duration = .milliseconds(250)

    /// Accepts the upgrade only for an unused, unexpired ticket of this app; the ticket is
    /// consumed here, so a second handshake with the same URL is refused (HTTP 401).
    func shouldUpgrade(_ head: HTTPRequest, channel: any Channel) -> ShouldUpgradeResult<UpgradeHandler> {
        guard let target = head.path, let components = URLComponents(string: target),
            components.path == "/link/" || components.path == "/link"
        else { return .dontUpgrade }
        let query = components.queryItems ?? []
        guard let ticket = query.first(where: { $0.name == "ticket" })?.value,
            query.first(where: { $0.name == "app_id" })?.value == configuration.appID
        else { return .dontUpgrade }
        let lifetime = configuration.ticketLifetime
        let accepted = store.mutate { state -> Bool in
            guard !state.stopped, var entry = state.tickets[ticket], !entry.used else { return false }
            if let lifetime, ContinuousClock.now - entry.issuedAt > lifetime { return false }
            entry.used = true
            state.tickets[ticket] = entry
            return true
        }
        guard accepted else { return .dontUpgrade }
        return .upgrade([:]) { inbound, outbound, _ in
            await self.serve(ticket: ticket, channel: channel, inbound: inbound, outbound: outbound)
        }
    }

    private func serve(
        ticket: String,
        channel: any Channel,
        inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter
    ) async {
        let limit = configuration.maxConnectionsPerApp
        let admission: (SlackConnectionID, overLimit: Bool)? = store.mutate { state in
            guard !state.stopped else { return nil }
            let id = SlackConnectionID(state.nextConnectionNumber)
            state.nextConnectionNumber += 1
            let overLimit = state.records.openConnections.count >= limit
            state.records.connections.append(SlackConnectionRecord(id: id, ticket: ticket, openedAt: .now))
            state.live[id] = LiveConnection(id: id, channel: channel, outbound: outbound)
            return (id, overLimit)
        }
        guard let (id, overLimit) = admission else { return }

        if overLimit {
            store.mutate { state in
                state.updateConnection(id) { record in
                    record.disconnectsSent.append(.tooManyWebsockets)
                    record.state = .closed(.rejectedTooManyWebsockets)
                    record.closedAt = .now
                }
                state.live[id] = nil
            }
            try? await outbound.write(.text(disconnectMessage(.tooManyWebsockets).jsonText))
            // Closing in the same instant as the handshake lets a WSClient miss both the message
            // and the close and hang (seen under load); Slack's close is not that immediate either.
            try? await Task.sleep(for: Self.rejectionCloseDelay)
            // Returning makes WSCore send the close frame and end the connection.
            return
        }

        do {
            try await outbound.write(.text(helloMessage().jsonText))
        } catch {
            markClosedByClient(id)
            return
        }
        store.mutate { state in
            state.updateConnection(id) { $0.helloSent = true }
            state.live[id]?.ready = true
        }
        await deliverPendingEvents()

        await withTaskGroup(of: Void.self) { group in
            if let interval = configuration.serverPingInterval {
                group.addTask { await self.pingLoop(id, outbound: outbound, every: interval) }
            }
            await readLoop(id, inbound: inbound)
            group.cancelAll()
        }
        markClosedByClient(id)
    }

    private func readLoop(_ id: SlackConnectionID, inbound: WebSocketInboundStream) async {
        do {
            for try await message in inbound.messages(maxSize: Self.maxInboundMessage) {
                // A silent connection has stopped reading; anything already buffered is lost.
                if store.read({ $0.connectionRecord(id)?.state == .silent }) { continue }
                switch message {
                case .text(let text):
                    receive(text, on: id)
                case .binary:
                    recordViolation(on: id, "binary frame (Slack expects JSON text frames)", frame: "<binary>")
                }
            }
        } catch {
            // The client vanished without a close handshake; the record says closed either way.
        }
    }

    private func pingLoop(_ id: SlackConnectionID, outbound: WebSocketOutboundWriter, every interval: Duration) async {
        var counter = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled else { return }
            guard let state = store.read({ $0.connectionRecord(id)?.state }), state != .silent else {
                if store.read({ $0.connectionRecord(id)?.countsAsOpen }) == true { continue }
                return
            }
            guard state == .open else { return }
            counter += 1
            let frame = WebSocketFrame(fin: true, opcode: .ping, data: ByteBuffer(string: "ping-\(counter)"))
            do {
                try await outbound.write(.custom(frame))
                store.mutate { $0.updateConnection(id) { $0.pingsSent += 1 } }
            } catch {
                return
            }
        }
    }

    /// The reader ended. Ghosts stay open in Slack's view (it never noticed); anything else
    /// still open was closed by the client.
    private func markClosedByClient(_ id: SlackConnectionID) {
        store.mutate { state in
            guard let record = state.connectionRecord(id) else { return }
            switch record.state {
            case .open:
                state.updateConnection(id) {
                    $0.state = .closed(.closedByClient)
                    $0.closedAt = .now
                }
                state.live[id] = nil
            case .silent:
                break
            case .closed:
                state.live[id] = nil
            }
        }
    }

    private func receive(_ text: String, on id: SlackConnectionID) {
        guard let frame = SlackJSON.parse(text), frame.objectValue != nil else {
            recordViolation(on: id, "frame is not a JSON object", frame: text)
            return
        }
        guard let envelopeID = frame["envelope_id"]?.stringValue, !envelopeID.isEmpty else {
            recordViolation(on: id, "frame has no envelope_id (only acks are sent to Slack)", frame: text)
            return
        }
        let payload = frame["payload"]
        let problems: [String] = payload?["blocks"].map(BlockKitValidator.problems(in:)) ?? []
        store.mutate { state in
            let now = ContinuousClock.now
            var envelope = state.envelopes[envelopeID]
            let ack = SlackAck(
                envelopeID: envelopeID,
                connectionID: id,
                payload: payload,
                receivedAt: now,
                latency: envelope?.latestSentAt.map { now - $0 },
                matched: envelope != nil,
                late: envelope?.deadlineExpired ?? false,
                duplicate: envelope?.acked ?? false,
                payloadProblems: problems
            )
            envelope?.acked = true
            state.envelopes[envelopeID] = envelope
            state.records.acks.append(ack)
        }
    }

    func recordViolation(on id: SlackConnectionID, _ problem: String, frame: String) {
        store.mutate { state in
            state.records.violations.append(
                SlackProtocolViolation(connectionID: id, problem: problem, frame: String(frame.prefix(500)))
            )
        }
    }

    func helloMessage() -> SlackJSON {
        let open = store.read { $0.records.openConnections.count }
        return [
            "type": "hello",
            "num_connections": .number(Double(open)),
            "debug_info": [
                "host": "applink-emulator-1",
                "build_number": 1,
                "approximate_connection_time": .number(Double(configuration.approximateConnectionTime)),
            ],
            "connection_info": ["app_id": .string(configuration.appID)],
        ]
    }

    func disconnectMessage(_ reason: SlackDisconnectReason) -> SlackJSON {
        ["type": "disconnect", "reason": .string(reason.rawValue), "debug_info": ["host": "applink-emulator-1"]]
    }
}
