/// A safety rule applied to a plan (or to what a planner starts from): data in, data out. A
/// guard removes what it refuses from the plan and says so; it never adds work. Guards
/// compose (`GuardChain`), each seeing the plan as the ones before it left it.
public protocol PlanGuard<Plan>: Sendable {
    associatedtype Plan
    func apply(to plan: inout Plan) -> GuardVerdict
}

/// What a guard held back: refused results for the report and the audit log, and one refusal
/// per reason, saying what to do.
public struct GuardVerdict: Sendable, Hashable {
    public var held: [ActionResult]
    public var refusals: [Refusal]

    public init(held: [ActionResult] = [], refusals: [Refusal] = []) {
        self.held = held
        self.refusals = refusals
    }

    /// What `guardName` held back: its results are marked as refused by it.
    public init(held: [ActionResult], refusals: [Refusal] = [], by guardName: GuardName) {
        self.init(held: held.map { result in
            var refused = result
            refused.refusedBy = guardName
            return refused
        }, refusals: refusals)
    }

    public static let allowed = GuardVerdict()

    public mutating func merge(_ other: GuardVerdict) {
        held += other.held
        refusals += other.refusals
    }
}
