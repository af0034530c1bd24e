import Foundation

/// A protected environment is torn down only while a reviewed `allow_teardown_until` lies in
/// the future; otherwise its wish for `torn-down` converges to `stopped` (nothing deleted) and
/// says so. Guards what the tier planner starts from, so the planner never sees the teardown.
public struct ProtectedTeardownGuard: PlanGuard {
    public var now: Date

    public init(now: Date) {
        self.now = now
    }

    public func apply(to desired: inout DesiredState) -> GuardVerdict {
        guard desired.tier == .tornDown, !Self.allowsTeardown(desired, now: now) else { return .allowed }
        desired.tier = .stopped
        return GuardVerdict(refusals: [Refusal(
            environment: desired.environment, guardName: .protectedTeardown,
            message: "protected; teardown refused (a reviewed allow_teardown_until in the future allows it); converging to stopped instead"
        )])
    }

    /// The one rule, shared with edit-time validation.
    public static func allowsTeardown(_ desired: DesiredState, now: Date) -> Bool {
        !desired.isProtected || (desired.allowTeardownUntil.map { $0 > now } ?? false)
    }
}
