extension DriftItem {
    /// A running bastion nobody's lease accounts for is an open door: high. One owned by
    /// another Steward (another owner id) is that Steward's business: low. The high one says
    /// what it costs a day while it is up.
    static func unownedBastion(_ instance: ObservedBastion, environment: EnvironmentName, ownerID: String, prices: PriceTable = PriceTable()) -> DriftItem {
        let resource = ResourceReference.bastion(instanceID: instance.instanceID)
        if let other = instance.ownerTag {
            return DriftItem(
                kind: .unownedBastion, severity: .low, environment: environment, resource: resource,
                message: "\(instance.instanceID) (\(instance.state.rawValue)) is a bastion owned by '\(other)', not '\(ownerID)'; left to its owner"
            )
        }
        let cost = instance.state.isUp ? DriftCost.instance(instance.instanceType, prices: prices) : nil
        return DriftItem(
            kind: .unownedBastion, severity: .high, environment: environment, resource: resource,
            message: "\(instance.instanceID) (\(instance.state.rawValue)) is tagged as a \(environment) bastion but has no "
                + "\(StewardTag.owner)=\(ownerID) tag; Steward never touches it — terminate it by hand if nobody needs it"
                + (cost.map { "; \($0.phrase)" } ?? ""),
            cost: cost
        )
    }
}
