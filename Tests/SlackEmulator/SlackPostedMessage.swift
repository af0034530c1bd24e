/// A message accepted by `chat.postMessage`.
public struct SlackPostedMessage: Sendable, Hashable {
    public let channel: String
    public let text: String?
    public let blocks: SlackJSON?
    /// The `ts` Slack assigned.
    public let ts: String
    public let threadTS: String?
    /// All arguments as received (form fields become strings; JSON keeps its types).
    public let arguments: SlackJSON
    public let receivedAt: ContinuousClock.Instant
}
