/// One Web API or `response_url` request and how the emulator answered it.
public struct SlackAPICall: Sendable, Hashable {
    /// `apps.connections.open`, `chat.postMessage`, `auth.test`, `response_url`, …
    public let method: String
    public let httpStatus: Int
    /// Slack's `error` string (or the response_url error body); `nil` when the call succeeded.
    public let error: String?
    /// `Retry-After` seconds on a 429.
    public let retryAfter: Int?
    public let at: ContinuousClock.Instant

    public var succeeded: Bool { error == nil }
}
