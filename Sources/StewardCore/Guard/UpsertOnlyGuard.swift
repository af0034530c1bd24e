/// Upsert-only environments grant and update but never take access away: every removal is
/// held, and said once.
public struct UpsertOnlyGuard<Plan: AccessPlan>: PlanGuard {
    public var isEnabled: Bool

    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    public func apply(to plan: inout Plan) -> GuardVerdict {
        guard isEnabled else { return .allowed }
        let removals = plan.removalCount
        let held = plan.holdRemovals(message: "upsert-only policy")
        guard removals > 0 else { return GuardVerdict(held: held, by: .upsertOnly) }
        return GuardVerdict(held: held, refusals: [Refusal(
            environment: plan.environment, guardName: .upsertOnly,
            message: "upsert-only policy; \(removals) \(plan.removalNoun) not applied"
        )], by: .upsertOnly)
    }
}
