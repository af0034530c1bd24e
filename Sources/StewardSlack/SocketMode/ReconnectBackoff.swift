/// Delays between reconnect attempts: capped exponential backoff with full jitter (AWS
/// architecture blog, "Exponential Backoff And Jitter"), so many clients dropped at once don't
/// reconnect in lock-step and trip `apps.connections.open`'s rate limit together.
///
/// Attempt 0 (the first reconnect after a connection that was healthy) is immediate: a single
/// drop should cost a round trip, not a backoff. Attempt n ≥ 1 waits a uniformly random time
/// in [0, min(cap, base · 2^(n-1))].
public struct ReconnectBackoff: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration

    public init(base: Duration = .milliseconds(500), cap: Duration = .seconds(30)) {
        self.base = base
        self.cap = cap
    }

    /// The ceiling of attempt `attempt`'s delay, before jitter.
    public func ceiling(attempt: Int) -> Duration {
        guard attempt > 0 else { return .zero }
        // 2^(n-1) saturates long before it could overflow: the cap wins from ~2^6 on.
        let exponent = min(attempt - 1, 30)
        let grown = base * (1 << exponent)
        return min(grown, cap)
    }

    /// The delay before attempt `attempt`; `unit` is a random number in [0, 1].
    public func delay(attempt: Int, unit: Double) -> Duration {
        let ceiling = self.ceiling(attempt: attempt)
        let fraction = min(max(unit, 0), 1)
        return ceiling * fraction
    }
}
