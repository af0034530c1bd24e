/// Fail closed: when an environment's desired state can't be read, its plan (made from the
/// last good read) may only end what that read already showed as expired. Nothing is granted,
/// started, stopped, launched or deleted on a guess.
public struct UnreadableDesiredStateGuard<Plan: FailClosedPlan>: PlanGuard {
    /// False for an environment whose desired state was read this time: then this guard allows all.
    public var isUnreadable: Bool

    public init(isUnreadable: Bool) {
        self.isUnreadable = isUnreadable
    }

    public func apply(to plan: inout Plan) -> GuardVerdict {
        guard isUnreadable else { return .allowed }
        return GuardVerdict(held: plan.holdAllButKnownExpiries(), by: .unreadableDesiredState)
    }
}

extension Refusal {
    /// The one refusal of an environment whose desired state can't be read, whatever its plans
    /// held. Without a good read ever, there is no plan at all.
    public static func unreadableDesiredState(_ environment: EnvironmentName, hadGoodRead: Bool) -> Refusal {
        Refusal(environment: environment, guardName: .unreadableDesiredState, message: hadGoodRead
            ? "desired state is unreadable; only entries known to have expired are revoked, and the tier is left as it is, until it is fixed"
            : "desired state is unreadable and was never read successfully; no changes")
    }
}
