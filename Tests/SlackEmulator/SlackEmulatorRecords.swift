/// Everything the emulator observed, in arrival order. A value snapshot: read it, don't poll it —
/// use the `waitFor…` methods (or `waitUntil`) to synchronise.
public struct SlackEmulatorRecords: Sendable {
    public internal(set) var connections: [SlackConnectionRecord] = []
    public internal(set) var deliveries: [SlackDelivery] = []
    public internal(set) var acks: [SlackAck] = []
    public internal(set) var ackTimeouts: [SlackAckTimeout] = []
    public internal(set) var followUps: [SlackFollowUp] = []
    public internal(set) var postedMessages: [SlackPostedMessage] = []
    public internal(set) var apiCalls: [SlackAPICall] = []
    public internal(set) var violations: [SlackProtocolViolation] = []
    /// Events waiting for a connection (none was open when they were due).
    public internal(set) var pendingEventCount: Int = 0

    /// Connections Slack would count as open (including silent ghosts).
    public var openConnections: [SlackConnectionRecord] { connections.filter(\.countsAsOpen) }

    public func connection(_ id: SlackConnectionID) -> SlackConnectionRecord? {
        connections.first { $0.id == id }
    }

    public func deliveries(of envelopeID: String) -> [SlackDelivery] {
        deliveries.filter { $0.envelopeID == envelopeID }
    }

    public func acks(of envelopeID: String) -> [SlackAck] {
        acks.filter { $0.envelopeID == envelopeID }
    }

    public func followUps(of envelopeID: String) -> [SlackFollowUp] {
        followUps.filter { $0.envelopeID == envelopeID }
    }

    public func apiCalls(_ method: String) -> [SlackAPICall] {
        apiCalls.filter { $0.method == method }
    }
}
