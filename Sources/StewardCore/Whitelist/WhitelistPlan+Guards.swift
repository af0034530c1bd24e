extension WhitelistPlan {
    /// The guards of a rules-mode plan, in order: fail closed on an unreadable file, upsert-only,
    /// the revoke budget (counted after what the first two held), then each group's rule quota.
    public static func guards(
        failedRead: Bool, settings: WhitelistSettings, force: Bool, groups: [ObservedSecurityGroup], ownerID: String
    ) -> GuardChain<WhitelistPlan> {
        let owned = groups.reduce(0) { $0 + $1.ingressRules.filter { $0.isOwned(by: ownerID) }.count }
        return GuardChain([
            UnreadableDesiredStateGuard<WhitelistPlan>(isUnreadable: failedRead),
            UpsertOnlyGuard<WhitelistPlan>(isEnabled: settings.upsertOnly),
            RevokeBudgetGuard<WhitelistPlan>(budget: settings.revokeBudget, ownedCount: owned, force: force),
            RuleQuotaGuard(quota: RuleQuota(rulesPerGroup: settings.ruleQuota), groups: groups),
        ])
    }
}
