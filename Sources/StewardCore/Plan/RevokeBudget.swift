/// How much one reconcile may revoke in an environment before it stops and asks a human:
/// a bad edit, a wiped file or a wrong owner id must not empty every group at 3 a.m.
public struct RevokeBudget: Sendable, Hashable {
    /// More than this many revokes is refused…
    public var maximumRules: Int
    /// …and so is revoking more than this fraction of the environment's owned rules.
    public var maximumFraction: Double

    public init(maximumRules: Int, maximumFraction: Double) {
        self.maximumRules = maximumRules
        self.maximumFraction = maximumFraction
    }

    public static let `default` = RevokeBudget(maximumRules: 10, maximumFraction: 0.5)

    /// Why the plan is over budget, or nil. Expired entries count too: a mass expiry is as
    /// worth a look as a mass removal.
    public func refusal(for plan: WhitelistPlan, ownedRules: Int) -> String? {
        let revokes = plan.revokeCount
        guard revokes > 0 else { return nil }
        if revokes > maximumRules {
            return "plan revokes \(revokes) rules in \(plan.environment), over the budget of \(maximumRules) per run; "
                + "check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_rules)"
        }
        // Small environments would trip a pure percentage on their first removal, so a
        // fraction only counts once more than a couple of rules go.
        if revokes > 2, Double(revokes) > maximumFraction * Double(ownedRules) {
            let percent = Int((Double(revokes) / Double(max(ownedRules, 1)) * 100).rounded())
            return "plan revokes \(revokes) of \(ownedRules) owned rules (\(percent)%) in \(plan.environment), over the budget of "
                + "\(Int(maximumFraction * 100))%; check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_fraction)"
        }
        return nil
    }
}
