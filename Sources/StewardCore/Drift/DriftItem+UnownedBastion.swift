extension DriftItem {
    /// A running bastion nobody's lease accounts for is an open door: high. One owned by
    /// another Steward (another owner id) is that Steward's business: low.
    static func unownedBastion(_ instance: ObservedBastion, environment: EnvironmentName, ownerID: String) -> DriftItem {
        let resource = ResourceReference.bastion(instanceID: instance.instanceID)
        if let other = instance.ownerTag {
            return DriftItem(
                kind: .unownedBastion, severity: .low, environment: environment, resource: resource,
                message: "\(instance.instanceID) (\(instance.state.rawValue)) is a bastion owned by '\(other)', not '\(ownerID)'; left to its owner"
            )
        }
        return DriftItem(
            kind: .unownedBastion, severity: .high, environment: environment, resource: resource,
            message: "\(instance.instanceID) (\(instance.state.rawValue)) is tagged as a \(environment) bastion but has no "
                + "\(StewardTag.owner)=\(ownerID) tag; Steward never touches it — terminate it by hand if nobody needs it"
        )
    }
}
