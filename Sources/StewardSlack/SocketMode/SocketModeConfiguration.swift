/// Timing and limits of the Socket Mode client. The defaults follow Slack's SDKs; tests
/// shrink them.
public struct SocketModeConfiguration: Sendable {
    /// WebSocket ping period. A ping still unanswered when the next one is due marks the
    /// connection dead, so a silent half-open socket is replaced within two periods.
    public var pingInterval: Duration = .seconds(5)
    /// How long a new connection may take to send `hello`.
    public var helloTimeout: Duration = .seconds(10)
    /// How long a close handshake may take before the socket is cut.
    public var closeTimeout: Duration = .seconds(2)
    /// A connection being replaced keeps reading and acking until it has been quiet this long
    /// (nothing arrived, nothing in flight): Slack goes on routing envelopes to it for a while
    /// after the replacement's `hello`, and whatever is on the wire when a close goes out is lost.
    public var quietBeforeClose: Duration = .seconds(1)
    /// The longest a connection being replaced lingers for quiet (Slack closes it itself about
    /// ten seconds after its `disconnect`); on shutdown, the longest it waits for its acks.
    public var drainTimeout: Duration = .seconds(10)
    public var backoff = ReconnectBackoff()
    /// A connection that dropped sooner than this after `hello` counts as a failed attempt
    /// (backoff grows) rather than a healthy one (next attempt immediate): a server that
    /// accepts then drops at once must not be hammered.
    public var stableAfter: Duration = .seconds(10)
    /// Open connections at most: the live one, its replacement, and one still draining after
    /// an earlier replacement. Slack allows 10 per app, and stale half-open sockets count
    /// against that.
    public var maximumConnections = 3
    /// How long an envelope id is remembered, to answer a redelivery without acting twice.
    public var envelopeWindow: Duration = .seconds(3600)
    /// How long the same person's same command (user, command, text, trigger) counts as a retry.
    public var commandWindow: Duration = .seconds(300)
    /// Remembered envelopes and commands at most; the oldest go first.
    public var dedupeCapacity = 10_000
    /// Largest inbound message accepted.
    public var maximumMessageSize = 1 << 20

    public init() {}
}
