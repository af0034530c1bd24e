/// `drift_report:` in `steward.yaml`: the daemon's drift digest and alerts. Absent: the daemon
/// keeps the findings history and metrics, and posts nothing about drift.
public struct DriftReportSettings: Sendable, Hashable {
    /// How often a digest is posted (10 s or more).
    public var every: TimeSpan
    /// With it, digests fall on this UTC time of day (and every `every` after it); without it,
    /// the first digest follows the first complete pass.
    public var at: TimeOfDay?
    /// The Slack channel id digests and alerts go to.
    public var channel: String

    public init(every: TimeSpan = .hours(24), at: TimeOfDay? = nil, channel: String) {
        self.every = every
        self.at = at
        self.channel = channel
    }

    /// A UTC time of day, `HH:MM`.
    public struct TimeOfDay: Sendable, Hashable, CustomStringConvertible {
        public var hour: Int
        public var minute: Int

        public init?(parsing text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hour = Int(parts[0]), let minute = Int(parts[1]),
                  (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
            self.hour = hour
            self.minute = minute
        }

        public var secondsIntoDay: Int { hour * 3600 + minute * 60 }
        public var description: String { (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)" }
    }
}
