import Foundation

/// "Known, leave it be until …": a finding acknowledged by someone, for a reason, until a time.
/// While it holds the finding is listed apart and does not count for the exit code.
public struct DriftAck: Sendable, Hashable, Codable {
    public var by: String
    public var reason: String
    public var until: Date
    /// When the ack was given.
    public var at: Date

    public init(by: String, reason: String, until: Date, at: Date) {
        self.by = by
        self.reason = reason
        self.until = until
        self.at = at
    }

    public func holds(at now: Date) -> Bool { until > now }
}
