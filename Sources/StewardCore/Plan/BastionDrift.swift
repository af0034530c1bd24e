/// A bastion-looking instance (`Role=bastion` and the environment tag) without Steward's owner
/// tag: never terminated, started or retagged, only reported.
///
/// Kept apart from `DriftItem`, whose fields name security groups and rules and whose kinds
/// have no bastion case.
public struct BastionDrift: Sendable, Hashable, Codable, Comparable {
    public var severity: DriftItem.Severity
    public var environment: EnvironmentName
    public var instanceID: String
    public var message: String

    public init(severity: DriftItem.Severity, environment: EnvironmentName, instanceID: String, message: String) {
        self.severity = severity
        self.environment = environment
        self.instanceID = instanceID
        self.message = message
    }

    public static func < (lhs: BastionDrift, rhs: BastionDrift) -> Bool {
        (lhs.severity, lhs.environment, lhs.instanceID) < (rhs.severity, rhs.environment, rhs.instanceID)
    }

    /// A running bastion nobody's lease accounts for is an open door: warn. One owned by
    /// another Steward (another owner id) is that Steward's business: inform.
    static func unowned(_ instance: ObservedBastion, environment: EnvironmentName, ownerID: String) -> BastionDrift {
        if let other = instance.ownerTag {
            return BastionDrift(
                severity: .info, environment: environment, instanceID: instance.instanceID,
                message: "\(instance.instanceID) (\(instance.state.rawValue)) is a bastion owned by '\(other)', not '\(ownerID)'; left to its owner"
            )
        }
        return BastionDrift(
            severity: .warning, environment: environment, instanceID: instance.instanceID,
            message: "\(instance.instanceID) (\(instance.state.rawValue)) is tagged as a \(environment) bastion but has no "
                + "\(BastionTag.owner)=\(ownerID) tag; Steward never touches it — terminate it by hand if nobody needs it"
        )
    }
}
