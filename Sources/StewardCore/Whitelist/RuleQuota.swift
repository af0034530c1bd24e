/// AWS counts inbound rules per group, IPv4 and IPv6 apart; an authorize past the quota fails
/// the whole batch. Checked before the call so the answer says what to do instead.
public struct RuleQuota: Sendable, Hashable {
    public var rulesPerGroup: Int

    public init(rulesPerGroup: Int) {
        self.rulesPerGroup = rulesPerGroup
    }

    /// Rules of a family on the group after the plan is applied.
    public static func count(after plan: SecurityGroupPlan, group: ObservedSecurityGroup, family: AddressFamily) -> Int {
        let revoked = Set(plan.revoke.map(\.ruleID))
        let remaining = group.ingressRules.filter { rule in
            !revoked.contains(rule.ruleID) && (rule.source.cidr?.family ?? .ipv4) == family
        }.count
        return remaining + plan.authorize.filter { $0.cidr.family == family }.count
    }

    /// Why the group's plan would exceed the quota, or nil.
    public func refusal(for plan: SecurityGroupPlan, group: ObservedSecurityGroup) -> String? {
        for family in AddressFamily.allCases {
            let total = RuleQuota.count(after: plan, group: group, family: family)
            if total > rulesPerGroup, plan.authorize.contains(where: { $0.cidr.family == family }) {
                let name = family == .ipv4 ? "IPv4" : "IPv6"
                return "\(group.id) would hold \(total) \(name) inbound rules, over its quota of \(rulesPerGroup); "
                    + "remove entries, widen none, or switch the environment to prefix-list mode "
                    + "(environments.<env>.whitelist_mode: prefix-list), or raise whitelist.rule_quota after an AWS quota increase"
            }
        }
        return nil
    }
}
