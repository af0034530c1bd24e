/// Where a finding stands in a report, against the history kept between reports.
public enum DriftFindingState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not seen in the last report (or seen again after it had been resolved).
    case new
    /// Seen before and still there; its age is `now - first_seen`.
    case open
    /// Seen in the last report, gone now.
    case resolved
    /// Still there, but someone said it is known, until the ack expires.
    case acknowledged

    /// New and open findings: what makes an environment drifted and the exit code 2.
    public var isActive: Bool { self == .new || self == .open }
}
