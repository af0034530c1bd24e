/// A bad edit, a wiped file or a wrong owner id must not empty every group at 3 a.m.: a plan
/// that takes away more access than the budget allows holds all of its access removals back
/// until someone looks and applies with `--force`.
public struct RevokeBudgetGuard<Plan: AccessPlan>: PlanGuard {
    public var budget: RevokeBudget
    /// What Steward owns in the environment now (rules, and list entries in prefix-list mode).
    public var ownedCount: Int
    public var force: Bool

    public init(budget: RevokeBudget, ownedCount: Int, force: Bool) {
        self.budget = budget
        self.ownedCount = ownedCount
        self.force = force
    }

    public func apply(to plan: inout Plan) -> GuardVerdict {
        guard !force, let message = budget.refusal(removals: plan.accessRemovalCount, owned: ownedCount,
                                                   environment: plan.environment, wording: plan.budgetWording)
        else { return .allowed }
        let held = plan.holdAccessRemovals(message: "over the revoke budget")
        return GuardVerdict(held: held, refusals: [Refusal(environment: plan.environment, guardName: .revokeBudget, message: message)], by: .revokeBudget)
    }
}
