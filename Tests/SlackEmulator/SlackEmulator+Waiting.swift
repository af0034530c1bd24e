/// Bounded waits for what tests synchronise on. Each returns as soon as its condition holds
/// (including when it already held) and throws `timedOut` after `timeout`.
extension SlackEmulator {
    public static let defaultWaitTimeout: Duration = .seconds(10)

    /// Waits until `probe` returns a value for the records, and returns it.
    public func waitUntil<T: Sendable>(
        _ description: String,
        timeout: Duration = defaultWaitTimeout,
        _ probe: @escaping @Sendable (SlackEmulatorRecords) -> T?
    ) async throws(SlackEmulatorError) -> T {
        try await store.wait(for: description, timeout: timeout, probe: probe)
    }

    /// Waits for the `number`th WebSocket ever accepted (1-based) to have received `hello`
    /// (or, past the limit, its `too_many_websockets` disconnect).
    @discardableResult
    public func waitForConnection(number: Int, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackConnectionRecord {
        guard number >= 1 else { throw .invalidArgument("connection numbers start at 1, got \(number)") }
        return try await waitUntil("connection #\(number)", timeout: timeout) { records in
            records.connections.first { $0.id.rawValue == number && ($0.helloSent || !$0.disconnectsSent.isEmpty) }
        }
    }

    /// Waits for the next connection after those accepted so far. Racy if the connection may
    /// already have been accepted; prefer `waitForConnection(number:)` then.
    @discardableResult
    public func waitForNextConnection(timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackConnectionRecord {
        let next = store.read { $0.records.connections.count } + 1
        return try await waitForConnection(number: next, timeout: timeout)
    }

    /// Waits until exactly `count` connections count as open (ghosts included).
    public func waitForOpenConnections(_ count: Int, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) {
        _ = try await waitUntil("\(count) open connection(s)", timeout: timeout) { records in
            records.openConnections.count == count ? true : nil
        }
    }

    /// Waits until `connection` is closed and returns its final record.
    @discardableResult
    public func waitForClose(of connection: SlackConnectionID, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackConnectionRecord {
        try await waitUntil("\(connection) to close", timeout: timeout) { records in
            records.connection(connection).flatMap { $0.countsAsOpen ? nil : $0 }
        }
    }

    /// Waits for the first ack of `envelopeID`.
    @discardableResult
    public func waitForAck(_ envelopeID: String, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackAck {
        try await waitUntil("ack of envelope \(envelopeID)", timeout: timeout) { records in
            records.acks.first { $0.envelopeID == envelopeID }
        }
    }

    /// Waits for delivery `attempt` (0 = first, 1… = redeliveries) of `envelopeID`.
    @discardableResult
    public func waitForDelivery(_ envelopeID: String, attempt: Int = 0, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackDelivery {
        try await waitUntil("delivery \(attempt) of envelope \(envelopeID)", timeout: timeout) { records in
            records.deliveries.first { $0.envelopeID == envelopeID && $0.attempt == attempt }
        }
    }

    /// Waits for an ack deadline miss of `envelopeID` (the `attempt`th delivery).
    @discardableResult
    public func waitForAckTimeout(_ envelopeID: String, attempt: Int = 0, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackAckTimeout {
        try await waitUntil("ack timeout \(attempt) of envelope \(envelopeID)", timeout: timeout) { records in
            records.ackTimeouts.first { $0.envelopeID == envelopeID && $0.attempt == attempt }
        }
    }

    /// Waits for the `use`th accepted post (1-based) to the `response_url` of slash command
    /// `envelopeID`.
    @discardableResult
    public func waitForFollowUp(_ envelopeID: String, use: Int = 1, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackFollowUp {
        try await waitUntil("follow-up \(use) on the response_url of \(envelopeID)", timeout: timeout) { records in
            records.followUps.first { $0.envelopeID == envelopeID && $0.use == use }
        }
    }

    /// Waits for the `number`th message (1-based) accepted by `chat.postMessage` in `channel`
    /// (any channel when `nil`).
    @discardableResult
    public func waitForPostedMessage(channel: String? = nil, number: Int = 1, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> SlackPostedMessage {
        try await waitUntil("posted message \(number) in \(channel ?? "any channel")", timeout: timeout) { records in
            let matching = records.postedMessages.filter { channel == nil || $0.channel == channel }
            return matching.count >= number ? matching[number - 1] : nil
        }
    }

    /// Waits until `method` has been called `count` times in total (any outcome).
    @discardableResult
    public func waitForAPICalls(_ method: String, count: Int, timeout: Duration = defaultWaitTimeout) async throws(SlackEmulatorError) -> [SlackAPICall] {
        try await waitUntil("\(count) call(s) of \(method)", timeout: timeout) { records in
            let calls = records.apiCalls(method)
            return calls.count >= count ? calls : nil
        }
    }
}
