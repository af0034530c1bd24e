/// Something in AWS that differs from what desired state says, that a person should know of:
/// things Steward leaves alone (not its own) and things it is about to put right. The one drift
/// model: plans, metrics, logs, notifications and drift reports all count these.
public struct DriftItem: Sendable, Hashable, Codable, Comparable, Identifiable {
    public var kind: DriftKind
    public var severity: DriftSeverity
    public var environment: EnvironmentName
    public var resource: ResourceReference
    public var message: String
    /// What it costs a day, on findings of something running where desired state says
    /// stopped or none (the message says it too).
    public var cost: DriftCost?

    public init(kind: DriftKind, severity: DriftSeverity, environment: EnvironmentName, resource: ResourceReference, message: String,
                cost: DriftCost? = nil) {
        self.kind = kind
        self.severity = severity
        self.environment = environment
        self.resource = resource
        self.message = message
        self.cost = cost
    }

    /// Stable across passes and wordings: the kind and the resource, never the message, so a
    /// reworded message is still the same finding.
    public var id: String { "\(kind.rawValue):\(resource.type):\(resource.id)" }

    public static func < (lhs: DriftItem, rhs: DriftItem) -> Bool {
        (lhs.severity, lhs.environment, lhs.resource, lhs.kind.rawValue) < (rhs.severity, rhs.environment, rhs.resource, rhs.kind.rawValue)
    }
}
