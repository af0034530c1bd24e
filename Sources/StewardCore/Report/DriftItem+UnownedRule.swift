extension DriftItem {
    /// The drift an unowned rule on a managed group is: critical when it opens the group to
    /// the whole internet (Steward never removes it), informational otherwise.
    static func unownedRule(_ rule: ObservedRule, environment: EnvironmentName, groupID: String, ownerID: String) -> DriftItem {
        if rule.isWorldOpen {
            return DriftItem(
                severity: .critical, kind: .worldOpenRule, environment: environment, groupID: groupID, ruleID: rule.ruleID,
                message: "\(rule.summary) is open to the whole internet and not managed by Steward; Steward never removes it — review it by hand"
            )
        }
        return DriftItem(
            severity: .info, kind: .unmanagedRule, environment: environment, groupID: groupID, ruleID: rule.ruleID,
            message: "\(rule.summary) is not managed by Steward (no \(StewardConfiguration.ownerTagKey)=\(ownerID) tag)"
        )
    }
}
