/// Paces CloudTrail LookupEvents for the whole process: the API allows two requests per second
/// per account and region and throttles past that, and every caller in the process shares one
/// budget, so they share one limiter.
///
/// A token bucket whose tokens come back one `spacing` after each was spent: a grant at `t`
/// reserves its slot at once and a later caller's slot is never earlier than `spacing` after
/// the grant `limit` places before it, so no interval shorter than `spacing` ever holds more
/// than `limit` grants. A plain refill-per-second bucket would not promise that (two at 0.0 s
/// and one at 0.5 s already breaks "2 in any second").
public actor LookupRateLimiter {
    public let limit: Int
    /// The API's window plus a margin, so requests that leave a second apart do not arrive
    /// closer than that after uneven delays on the way.
    public let spacing: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void
    /// The process's one limiter for LookupEvents, the default of every attributor.
    public static let shared = LookupRateLimiter()
    /// The last `limit` slots handed out, oldest first; slots never go backwards.
    private var recentSlots: [ContinuousClock.Instant] = []

    /// - Parameters:
    ///   - limit: requests allowed per `window` (CloudTrail's LookupEvents: 2 per second).
    ///   - margin: added to `window`; see `spacing`.
    ///   - now, sleep: the clock; tests pass a manual one.
    public init(
        limit: Int = 2,
        window: Duration = .seconds(1),
        margin: Duration = .milliseconds(250),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.limit = max(1, limit)
        self.spacing = window + max(.zero, margin)
        self.now = now
        self.sleep = sleep
    }

    /// Waits until the caller may send one request, and returns the instant it was granted.
    /// A caller cancelled while waiting gives its slot up to nobody: the budget errs on the
    /// side of sending less.
    @discardableResult
    public func acquire() async throws -> ContinuousClock.Instant {
        let current = now()
        var slot = current
        if recentSlots.count >= limit {
            slot = max(current, recentSlots[recentSlots.count - limit] + spacing)
        }
        recentSlots.append(slot)
        if recentSlots.count > limit {
            recentSlots.removeFirst(recentSlots.count - limit)
        }
        // Reserved before the wait, so callers arriving meanwhile queue behind this slot
        // rather than racing for it.
        let wait = slot - current
        if wait > .zero {
            try await sleep(wait)
        }
        return slot
    }
}
