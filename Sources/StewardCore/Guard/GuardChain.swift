/// Guards applied in order, each to the plan the ones before it left.
public struct GuardChain<Plan>: PlanGuard {
    public var guards: [any PlanGuard<Plan>]

    public init(_ guards: [any PlanGuard<Plan>]) {
        self.guards = guards
    }

    public func apply(to plan: inout Plan) -> GuardVerdict {
        var verdict = GuardVerdict.allowed
        for check in guards {
            verdict.merge(check.apply(to: &plan))
        }
        return verdict
    }
}
