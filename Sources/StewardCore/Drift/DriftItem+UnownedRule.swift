extension DriftItem {
    /// SSH and RDP: an unreviewed opening of these is an administrative door, not just another rule.
    static let administrativePorts: [UInt16] = [22, 3389]

    /// The drift an unowned rule on a managed group is: critical when it opens the group to
    /// the whole internet (Steward never removes it) or wider than `policy` lets any entry be,
    /// high when it opens SSH or RDP, medium otherwise.
    static func unownedRule(_ rule: ObservedRule, environment: EnvironmentName, groupID: String, ownerID: String, policy: Policy? = nil) -> DriftItem {
        let resource = ResourceReference.securityGroupRule(groupID: groupID, ruleID: rule.ruleID)
        if rule.isWorldOpen {
            return DriftItem(
                kind: .worldOpenRule, severity: .critical, environment: environment, resource: resource,
                message: "\(rule.summary) is open to the whole internet and not managed by Steward; Steward never removes it — review it by hand"
            )
        }
        if let policy, let cidr = rule.source.cidr, cidr.prefixLength < policy.minimumPrefixLength(for: cidr.family) {
            return DriftItem(
                kind: .ruleWiderThanPolicy, severity: .critical, environment: environment, resource: resource,
                message: "\(rule.summary) is wider than policy allows any entry to be (/\(policy.minimumPrefixLength(for: cidr.family)) or narrower) "
                    + "and not managed by Steward; review it by hand"
            )
        }
        let opensAdministrativePort = (rule.ipProtocol == "tcp" || rule.ipProtocol == "-1")
            && Self.administrativePorts.contains { port in rule.ports.map { $0.from <= port && port <= $0.to } ?? true }
        return DriftItem(
            kind: .unmanagedRule, severity: opensAdministrativePort ? .high : .medium, environment: environment, resource: resource,
            message: "\(rule.summary) is not managed by Steward (no \(StewardTag.owner)=\(ownerID) tag)"
        )
    }
}
