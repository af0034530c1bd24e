import Foundation

/// Sending envelopes: each goes to exactly one open connection, with an ack deadline.
extension SlackEmulator {
    /// Delivers a slash command as Slack would when a user types `command text` in `channelID`.
    /// The payload carries a fresh single-purpose `response_url`. Returns the envelope id.
    /// Throws `noOpenConnection` when no connection is open (Slack: `dispatch_failed`).
    @discardableResult
    public func sendSlashCommand(
        command: String,
        text: String,
        userID: String = "U0ALICE",
        userName: String = "alice",
        channelID: String = "C0OPS",
        channelName: String = "ops",
        teamID: String? = nil,
        apiAppID: String? = nil
    ) async throws(SlackEmulatorError) -> String {
        let envelopeID = UUID().uuidString.lowercased()
        let responseID = Self.randomHex(bytes: 12)
        let responseURL = "\(baseURL)response/\(responseID)"
        let payload: SlackJSON = [
            "token": "emulator-legacy-verification-token",
            "team_id": .string(teamID ?? configuration.teamID),
            "team_domain": .string(configuration.teamDomain),
            "channel_id": .string(channelID),
            "channel_name": .string(channelName),
            "user_id": .string(userID),
            "user_name": .string(userName),
            "command": .string(command),
            "text": .string(text),
            "api_app_id": .string(apiAppID ?? configuration.appID),
            "is_enterprise_install": "false",
            "response_url": .string(responseURL),
            "trigger_id": .string("\(Int.random(in: 1_000_000_000...9_999_999_999)).\(Self.randomHex(bytes: 8))"),
        ]
        store.mutate { state in
            state.envelopes[envelopeID] = EnvelopeState(type: .slashCommands, payload: payload, acceptsResponsePayload: true)
            state.responseURLs[responseID] = ResponseURLState(envelopeID: envelopeID, url: responseURL, issuedAt: .now)
        }
        if await deliver(envelopeID) == .noConnection {
            store.mutate { state in
                state.envelopes[envelopeID] = nil
                state.responseURLs[responseID] = nil
            }
            throw .noOpenConnection(command: "\(command) \(text)")
        }
        return envelopeID
    }

    /// Delivers an Events API event (`event` is the inner event, e.g. `app_mention`). Unacked
    /// events are redelivered after the ack deadline with `retry_attempt` + 1; with no open
    /// connection the event waits for the next one. Returns the envelope id.
    @discardableResult
    public func sendEvent(_ event: SlackJSON, eventID: String? = nil) async -> String {
        let envelopeID = UUID().uuidString.lowercased()
        let payload: SlackJSON = [
            "token": "emulator-legacy-verification-token",
            "team_id": .string(configuration.teamID),
            "api_app_id": .string(configuration.appID),
            "event": event,
            "type": "event_callback",
            "event_id": .string(eventID ?? "Ev\(Self.randomHex(bytes: 5).uppercased())"),
            "event_time": .number(Date().timeIntervalSince1970.rounded(.down)),
        ]
        store.mutate { state in
            state.envelopes[envelopeID] = EnvelopeState(type: .eventsAPI, payload: payload, acceptsResponsePayload: false)
        }
        _ = await deliver(envelopeID)
        return envelopeID
    }

    /// Delivers an arbitrary envelope (for example `interactive`). Returns the envelope id, or
    /// throws `noOpenConnection`.
    @discardableResult
    public func sendEnvelope(
        type: SlackEnvelopeType,
        payload: SlackJSON,
        acceptsResponsePayload: Bool = true
    ) async throws(SlackEmulatorError) -> String {
        let envelopeID = UUID().uuidString.lowercased()
        store.mutate { state in
            state.envelopes[envelopeID] = EnvelopeState(type: type, payload: payload, acceptsResponsePayload: acceptsResponsePayload)
        }
        // Events are queued rather than refused when no connection is open, as Slack retries them.
        if await deliver(envelopeID) == .noConnection {
            store.mutate { $0.envelopes[envelopeID] = nil }
            throw .noOpenConnection(command: type.rawValue)
        }
        return envelopeID
    }

    enum DeliveryOutcome { case sent, swallowed, queued, noConnection, unknown }

    /// Picks one ready connection, records the delivery, writes the envelope and arms the deadline.
    func deliver(_ envelopeID: String) async -> DeliveryOutcome {
        let policy = configuration.delivery
        let plan: (LiveConnection?, SlackJSON, Int, DeliveryOutcome) = store.mutate { state in
            guard var envelope = state.envelopes[envelopeID] else { return (nil, .null, 0, .unknown) }
            let candidates = state.live.values
                .filter { $0.ready && state.connectionRecord($0.id)?.countsAsOpen == true }
                .sorted { $0.id < $1.id }
            guard !candidates.isEmpty else {
                guard envelope.type == .eventsAPI else { return (nil, .null, 0, .noConnection) }
                state.pendingEvents.append(envelopeID)
                state.records.pendingEventCount = state.pendingEvents.count
                return (nil, .null, 0, .queued)
            }
            let chosen: LiveConnection
            switch policy {
            case .roundRobin:
                chosen = candidates[state.deliveryCursor % candidates.count]
                state.deliveryCursor += 1
            case .random:
                chosen = candidates.randomElement() ?? candidates[0]
            }
            let swallowed = state.connectionRecord(chosen.id)?.state == .silent
            var frame: [String: SlackJSON] = [
                "envelope_id": .string(envelopeID),
                "type": .string(envelope.type.rawValue),
                "payload": envelope.payload,
                "accepts_response_payload": .bool(envelope.acceptsResponsePayload),
            ]
            if envelope.type == .eventsAPI {
                frame["retry_attempt"] = .number(Double(envelope.attempt))
                frame["retry_reason"] = envelope.attempt == 0 ? "" : "timeout"
            }
            let now = ContinuousClock.now
            envelope.latestSentAt = now
            envelope.latestConnection = chosen.id
            envelope.deadlineExpired = false
            state.envelopes[envelopeID] = envelope
            state.records.deliveries.append(
                SlackDelivery(
                    envelopeID: envelopeID, type: envelope.type, attempt: envelope.attempt,
                    connectionID: chosen.id, sentAt: now, swallowed: swallowed, envelope: .object(frame)
                )
            )
            return (chosen, .object(frame), envelope.attempt, swallowed ? .swallowed : .sent)
        }
        let (connection, frame, attempt, outcome) = plan
        guard let connection else { return outcome }
        if outcome == .sent {
            // A failed write means the client is gone; the deadline below then treats it as unacked.
            try? await connection.outbound.write(.text(frame.jsonText))
        }
        store.schedule(after: configuration.ackDeadline) {
            await self.ackDeadlinePassed(envelopeID, attempt: attempt)
        }
        return outcome
    }

    private func ackDeadlinePassed(_ envelopeID: String, attempt: Int) async {
        let maxRetries = configuration.maxEventRetries
        let redeliver = store.mutate { state -> Bool in
            guard var envelope = state.envelopes[envelopeID], envelope.attempt == attempt, !envelope.acked,
                let connection = envelope.latestConnection
            else { return false }
            envelope.deadlineExpired = true
            let outcome: SlackAckTimeout.Outcome
            switch envelope.type {
            case .slashCommands: outcome = .userSawTimeout
            case .eventsAPI: outcome = attempt < maxRetries ? .redelivered : .gaveUp
            default: outcome = .dropped
            }
            if outcome == .redelivered { envelope.attempt += 1 }
            state.envelopes[envelopeID] = envelope
            state.records.ackTimeouts.append(
                SlackAckTimeout(envelopeID: envelopeID, type: envelope.type, attempt: attempt, connectionID: connection, outcome: outcome)
            )
            return outcome == .redelivered
        }
        if redeliver {
            _ = await deliver(envelopeID)
        }
    }

    /// Events that came due while no connection was open go out once one says `hello`.
    func deliverPendingEvents() async {
        let pending = store.mutate { state -> [String] in
            defer {
                state.pendingEvents.removeAll()
                state.records.pendingEventCount = 0
            }
            return state.pendingEvents
        }
        for envelopeID in pending {
            _ = await deliver(envelopeID)
        }
    }
}
