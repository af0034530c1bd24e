import Foundation

extension TierPlanner {
    /// Every phase of the transition, planned against the simulated outcome of the phases
    /// before it: what `steward plan` shows. Stops at a phase that only waits (AWS must move
    /// first) and after `limit` phases, so it always ends.
    public func phases(desired: DesiredState, observed: ObservedTierResources, now: Date, limit: Int = 8) -> [TierPlan] {
        var phases: [TierPlan] = []
        var world = observed
        for _ in 0..<limit {
            let plan = plan(desired: desired, observed: world, now: now)
            if plan.steps.isEmpty {
                if phases.isEmpty || !plan.notes.isEmpty { phases.append(plan) }
                break
            }
            phases.append(plan)
            world = plan.steps.reduce(world) { $0.simulating($1.action, now: now) }
        }
        return phases
    }
}
