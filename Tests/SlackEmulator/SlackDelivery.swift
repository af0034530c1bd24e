/// One envelope written (or meant to be written) to one connection.
public struct SlackDelivery: Sendable, Hashable {
    public let envelopeID: String
    public let type: SlackEnvelopeType
    /// `retry_attempt`: 0 for the first delivery, then 1, 2, 3 for redeliveries.
    public let attempt: Int
    public let connectionID: SlackConnectionID
    public let sentAt: ContinuousClock.Instant
    /// The connection was silent (half-open), so the envelope went nowhere — as with a ghost
    /// connection at Slack.
    public let swallowed: Bool
    /// The envelope exactly as sent.
    public let envelope: SlackJSON
}
