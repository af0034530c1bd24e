extension ActionResult {
    /// The resource ids this action changed, as drift findings name them: the resource, and for
    /// a revoke of one rule on a group also the rule (`sg-1/sgr-1`), which is what an "expired
    /// entry still granted" finding is about.
    public var changedResourceIDs: [String] {
        var ids = [resource.id]
        if case .securityGroup(let group) = resource, case .rule(let rule, _) = target {
            ids.append(ResourceReference.securityGroupRule(groupID: group, ruleID: rule).id)
        }
        return ids
    }
}
