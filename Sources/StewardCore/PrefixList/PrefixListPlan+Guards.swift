extension PrefixListPlan {
    /// The guards of a prefix-list plan, in order: fail closed on an unreadable file, then
    /// upsert-only, then the revoke budget (which counts every removal of access — list entries
    /// and rules — but not rules whose network moved into the list).
    public static func guards(
        failedRead: Bool, upsertOnly: Bool, revokeBudget: RevokeBudget, force: Bool, ownedCount: Int
    ) -> GuardChain<PrefixListPlan> {
        GuardChain([
            UnreadableDesiredStateGuard<PrefixListPlan>(isUnreadable: failedRead),
            UpsertOnlyGuard<PrefixListPlan>(isEnabled: upsertOnly),
            RevokeBudgetGuard<PrefixListPlan>(budget: revokeBudget, ownedCount: ownedCount, force: force),
        ])
    }

    /// Applies `guards(…)` in place; returns what was held back and why.
    public mutating func applyGuards(
        failedRead: Bool, upsertOnly: Bool, revokeBudget: RevokeBudget, force: Bool, ownerID: String,
        observedLists: [ObservedPrefixList], groups: [ObservedSecurityGroup]
    ) -> (refusals: [Refusal], held: [ActionResult]) {
        let owned = Self.ownedCount(observedLists: observedLists, groups: groups, ownerID: ownerID, environment: environment)
        let verdict = Self.guards(failedRead: failedRead, upsertOnly: upsertOnly, revokeBudget: revokeBudget, force: force, ownedCount: owned)
            .apply(to: &self)
        return (verdict.refusals, verdict.held)
    }
}
