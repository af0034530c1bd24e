/// An acknowledgement frame received from a client.
public struct SlackAck: Sendable, Hashable {
    public let envelopeID: String
    public let connectionID: SlackConnectionID
    /// `payload` of the ack (the slash-command reply), if any.
    public let payload: SlackJSON?
    public let receivedAt: ContinuousClock.Instant
    /// Time since the latest delivery of this envelope; `nil` when the envelope is unknown.
    public let latency: Duration?
    /// The envelope was known (delivered by this emulator).
    public let matched: Bool
    /// Arrived after the ack deadline had already expired for that delivery.
    public let late: Bool
    /// The same envelope had already been acked.
    public let duplicate: Bool
    /// Block Kit problems in the ack payload (Slack would reject the reply); empty when fine.
    public let payloadProblems: [String]
}
