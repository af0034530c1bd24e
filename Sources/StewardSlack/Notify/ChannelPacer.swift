/// Spaces posts to one channel at least `interval` apart (Slack allows about one message per
/// second per channel; more gets 429s). Pure bookkeeping: the caller sleeps for what it returns.
struct ChannelPacer: Sendable {
    let interval: Duration
    private var lastPost: [String: ContinuousClock.Instant] = [:]

    init(interval: Duration) {
        self.interval = interval
    }

    /// How long to wait before posting to `channel` at `now`; records the post as happening then.
    mutating func reserve(_ channel: String, now: ContinuousClock.Instant) -> Duration {
        let earliest = lastPost[channel].map { $0 + interval } ?? now
        let at = max(earliest, now)
        lastPost[channel] = at
        return at - now
    }

    /// Pushes the channel's next slot out to `until` (after a 429's Retry-After).
    mutating func block(_ channel: String, until: ContinuousClock.Instant) {
        let current = lastPost[channel] ?? until
        lastPost[channel] = max(current, until - interval)
    }
}
