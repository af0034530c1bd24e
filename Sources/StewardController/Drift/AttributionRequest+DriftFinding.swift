import StewardCore

extension AttributionRequest {
    /// What to ask CloudTrail about a finding: security-group rules (by their group), instances
    /// and bastions, services, databases. Nil for what CloudTrail cannot name (desired-state
    /// files, prefix lists, snapshots).
    public init?(finding: DriftFinding) {
        switch finding.resource {
        case .securityGroupRule(let groupID, _): self = .ruleAdded(groupID: groupID)
        case .securityGroup(let id): self = .ruleAdded(groupID: id)
        case .bastion(let id): self = .instanceStarted(instanceID: id)
        case .ec2Instances(let ids) where ids.count == 1: self = .instanceStarted(instanceID: ids[0])
        case .ecsService(_, let name): self = .serviceScaled(service: name)
        case .rdsInstance(let identifier), .auroraCluster(let identifier): self = .databaseStarted(identifier: identifier)
        default: return nil
        }
    }
}
