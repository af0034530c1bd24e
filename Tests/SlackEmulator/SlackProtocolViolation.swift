/// A frame from a client that Slack would not accept (not JSON, no `envelope_id`, binary, …).
public struct SlackProtocolViolation: Sendable, Hashable {
    public let connectionID: SlackConnectionID
    public let problem: String
    /// The offending frame, truncated.
    public let frame: String
}
