import Foundation

/// What Steward remembers of findings between reports: since when each was seen, whether it
/// went away, who acknowledged it. Kept by `steward drift` and the daemon's passes only (a
/// `plan` is a look, not a report). A value: the update rules are tested without files.
public struct DriftHistory: Sendable, Hashable, Codable {
    public static let currentSchema = "steward.drift-history/v1"

    public struct Entry: Sendable, Hashable, Codable {
        /// The finding as last seen (its message may have been reworded since first seen).
        public var item: DriftItem
        public var firstSeen: Date
        public var lastSeen: Date
        /// Set when a report found it gone; the next report forgets it.
        public var resolvedAt: Date?
        public var fixedBy: DriftFixer?
        public var actor: DriftActor?
        /// The daemon has posted it as a new finding (critical and high only): never twice.
        public var alerted: Bool?
        /// The daemon has posted its resolution.
        public var resolutionAlerted: Bool?

        enum CodingKeys: String, CodingKey {
            case item, actor, alerted
            case firstSeen = "first_seen", lastSeen = "last_seen", resolvedAt = "resolved_at", fixedBy = "fixed_by"
            case resolutionAlerted = "resolution_alerted"
        }

        public init(item: DriftItem, firstSeen: Date, lastSeen: Date) {
            self.item = item
            self.firstSeen = firstSeen
            self.lastSeen = lastSeen
        }
    }

    public var schema: String = Self.currentSchema
    /// By finding id.
    public var findings: [String: Entry] = [:]
    /// By finding id; an ack outlives its finding until it expires, so a finding that comes
    /// back within the ack is still acknowledged.
    public var acks: [String: DriftAck] = [:]
    public var lastReportAt: Date?
    /// When the daemon last posted a digest, so a restart keeps the schedule.
    public var lastDigestAt: Date?

    enum CodingKeys: String, CodingKey {
        case schema, findings, acks
        case lastReportAt = "last_report_at", lastDigestAt = "last_digest_at"
    }

    public init() {}
}
