/// A delivery whose ack did not arrive within the ack deadline.
public struct SlackAckTimeout: Sendable, Hashable {
    public let envelopeID: String
    public let type: SlackEnvelopeType
    public let attempt: Int
    public let connectionID: SlackConnectionID
    public let outcome: Outcome

    public enum Outcome: Sendable, Hashable {
        /// A slash command: the user saw Slack's timeout error.
        case userSawTimeout
        /// An event: delivered again with `retry_attempt` + 1 and `retry_reason: "timeout"`.
        case redelivered
        /// An event that used up its retries.
        case gaveUp
        /// Any other envelope type: nothing further happens.
        case dropped
    }
}
