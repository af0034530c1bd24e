/// The three durations of the leader lease (`ha:` in `steward.yaml`). Safety rests on their
/// order: a holder stops writing at `renewDeadline` after it *sent* its last successful
/// renewal, while a standby waits a whole `leaseDuration` of its own clock after it last saw
/// the record change, so `leaseDuration - renewDeadline` is the margin for a late request
/// and for clocks that run at slightly different rates.
public struct LeaseTiming: Sendable, Hashable {
    public var leaseDuration: Duration
    public var renewEvery: Duration
    public var renewDeadline: Duration

    public init(leaseDuration: Duration = .seconds(30), renewEvery: Duration = .seconds(5), renewDeadline: Duration = .seconds(20)) {
        self.leaseDuration = leaseDuration
        self.renewEvery = renewEvery
        self.renewDeadline = renewDeadline
    }

    /// Why these durations can't make a safe lease; nil when `renewEvery < renewDeadline < leaseDuration`.
    public var problem: String? {
        if renewEvery <= .zero { return "renew_every must be positive" }
        if renewEvery >= renewDeadline {
            return "renew_every (\(LeaseTiming.text(renewEvery))) must be shorter than renew_deadline (\(LeaseTiming.text(renewDeadline))), so a renewal can be retried before the deadline"
        }
        if renewDeadline >= leaseDuration {
            return "renew_deadline (\(LeaseTiming.text(renewDeadline))) must be shorter than lease_duration (\(LeaseTiming.text(leaseDuration))): the difference is what keeps a late write from overlapping the next leader"
        }
        return nil
    }

    /// `30s`, `500ms`, `1.5s`: how `steward.yaml` writes them.
    public static func text(_ duration: Duration) -> String {
        let milliseconds = duration.milliseconds
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    /// Parses `500ms`, `2s`, `1.5s`, `1m`, `1m30s`: the lease needs sub-second durations in
    /// tests, which `TimeSpan` (whole seconds, for chat) does not have.
    public static func parse(_ text: String) throws(TimeSpanError) -> Duration {
        let trimmed = text.lowercased()
        if trimmed.hasSuffix("ms"), let value = Int(trimmed.dropLast(2)), value >= 0 {
            guard value > 0 else { throw .zero(text) }
            return .milliseconds(value)
        }
        if trimmed.hasSuffix("s"), trimmed.contains("."), let value = Double(trimmed.dropLast()), value.isFinite, value >= 0 {
            guard value > 0 else { throw .zero(text) }
            return .milliseconds(Int64((value * 1000).rounded()))
        }
        return .seconds(try TimeSpan(parsing: text).seconds)
    }
}

extension Duration {
    /// Whole milliseconds, rounded down: exact arithmetic for the lease (Duration × Double is not).
    public var milliseconds: Int64 {
        components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    }
}
