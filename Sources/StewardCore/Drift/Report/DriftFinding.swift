import Foundation

/// One drift item as a report shows it: what it is, and its history (since when, still there,
/// acknowledged, who caused it, who fixed it).
public struct DriftFinding: Sendable, Hashable, Codable {
    public var id: String
    public var kind: DriftKind
    public var severity: DriftSeverity
    public var environment: EnvironmentName
    public var resource: ResourceReference
    public var message: String
    /// What it costs a day, when it is something running that desired state wants stopped.
    public var cost: DriftCost?
    public var state: DriftFindingState
    public var firstSeen: Date
    public var lastSeen: Date
    /// When it was found gone (resolved findings).
    public var resolvedAt: Date?
    /// Who fixed it, when that can be told (resolved findings).
    public var fixedBy: DriftFixer?
    public var ack: DriftAck?
    /// Who caused it, from CloudTrail, when known.
    public var actor: DriftActor?

    enum CodingKeys: String, CodingKey {
        case id, kind, severity, environment, resource, message, cost, state, ack, actor
        case firstSeen = "first_seen", lastSeen = "last_seen", resolvedAt = "resolved_at", fixedBy = "fixed_by"
    }

    public init(item: DriftItem, state: DriftFindingState, firstSeen: Date, lastSeen: Date, resolvedAt: Date? = nil,
                fixedBy: DriftFixer? = nil, ack: DriftAck? = nil, actor: DriftActor? = nil) {
        id = item.id
        kind = item.kind
        severity = item.severity
        environment = item.environment
        resource = item.resource
        message = item.message
        cost = item.cost
        self.state = state
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.resolvedAt = resolvedAt
        self.fixedBy = fixedBy
        self.ack = ack
        self.actor = actor
    }

    public var item: DriftItem {
        DriftItem(kind: kind, severity: severity, environment: environment, resource: resource, message: message, cost: cost)
    }

    /// How long it has been there, at `now`.
    public func age(at now: Date) -> TimeInterval { max(0, now.timeIntervalSince(firstSeen)) }
}
