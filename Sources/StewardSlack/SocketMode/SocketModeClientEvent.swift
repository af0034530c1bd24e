/// What the client reports as it runs: for metrics, tests and the benchmark. Carries ids and
/// timings only, never payload text or tokens.
public enum SocketModeClientEvent: Sendable, Hashable {
    /// Connection `id` said hello and is now the primary.
    case connected(id: Int)
    /// Connection `id` ended; `error` says why when it was not asked to close.
    case disconnected(id: Int, error: SlackError?)
    /// An envelope was acked, `latency` after it arrived; `duplicate` when it was a redelivery.
    case acked(envelopeID: String, latency: Duration, duplicate: Bool)
    /// The client is waiting `delay` before opening connection `id`.
    case reconnecting(id: Int, after: Duration)
}
