/// A plan that grants and removes network access (rules mode or prefix-list mode): what the
/// access guards (upsert-only, revoke budget) count and hold back.
public protocol AccessPlan: FailClosedPlan {
    /// Every removal the plan makes, as upsert-only counts them.
    var removalCount: Int { get }
    /// Removals that take somebody's access away, as the revoke budget counts them.
    var accessRemovalCount: Int { get }
    /// How a refusal names the removals: `revoke(s)` or `removal(s)`.
    var removalNoun: String { get }
    /// How the revoke budget words its refusal for this kind of plan.
    var budgetWording: RevokeBudget.Wording { get }
    /// Holds back every removal; returns them as refused results.
    mutating func holdRemovals(message: String) -> [ActionResult]
    /// Holds back the removals that take access away; returns them as refused results.
    mutating func holdAccessRemovals(message: String) -> [ActionResult]
}
