/// Grants that would take a group past its inbound-rule quota fail the whole batch at AWS;
/// they are held before the call, so the answer says what to do instead.
public struct RuleQuotaGuard: PlanGuard {
    public var quota: RuleQuota
    /// The groups as observed: their rules count against the quota.
    public var groups: [ObservedSecurityGroup]

    public init(quota: RuleQuota, groups: [ObservedSecurityGroup]) {
        self.quota = quota
        self.groups = groups
    }

    public func apply(to plan: inout WhitelistPlan) -> GuardVerdict {
        var verdict = GuardVerdict.allowed
        let byID = Dictionary(groups.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for index in plan.groups.indices {
            guard let group = byID[plan.groups[index].groupID], let message = quota.refusal(for: plan.groups[index], group: group) else { continue }
            verdict.merge(GuardVerdict(held: plan.holdGrants(in: index, message: "rule quota"),
                                       refusals: [Refusal(environment: plan.environment, guardName: .ruleQuota, message: message)], by: .ruleQuota))
        }
        return verdict
    }
}
