import Foundation

/// When the loop runs next: after the (jittered) interval, or just after the earliest expiry if
/// that comes sooner. Pure, so the timing rules are tested without waiting.
public struct LoopSchedule: Sendable, Hashable {
    /// The regular period between full reconciles.
    public var interval: Duration
    /// ± this fraction of the interval, so many controllers (or restarts) don't hit AWS in step.
    public var jitter: Double
    /// Added after an expiry instant: an entry is active while `now < expiresAt`, so waking
    /// exactly at the instant could still see it active and sleep a whole interval.
    public var expiryMargin: Duration

    public init(interval: Duration, jitter: Double = 0.1, expiryMargin: Duration = .milliseconds(50)) {
        self.interval = interval
        self.jitter = min(max(jitter, 0), 0.5)
        self.expiryMargin = expiryMargin
    }

    /// How long to sleep after a reconcile that finished at `now`.
    /// - Parameter unit: a random number in 0...1 (injected for tests).
    public func delay(now: Date, nextExpiry: Date?, unit: Double) -> Duration {
        // Whole milliseconds keep the arithmetic exact (Duration × Double is not).
        let intervalMilliseconds = interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000
        let spread = (Double(intervalMilliseconds) * jitter * (2 * min(max(unit, 0), 1) - 1)).rounded()
        var delay = Duration.milliseconds(intervalMilliseconds + Int64(spread))
        if let nextExpiry {
            let untilExpiry = Duration.milliseconds(Int64((nextExpiry.timeIntervalSince(now) * 1000).rounded(.up))) + expiryMargin
            delay = min(delay, untilExpiry)
        }
        return max(delay, .zero)
    }
}
