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

    /// How a refusal names what is removed.
    public enum Wording: Sendable, Hashable {
        /// Rules mode: `plan revokes 12 rules in dev`.
        case rules
        /// Prefix-list mode: `plan removes 12 networks or rules in dev (prefix-list mode)`.
        case prefixList
    }

    /// Why `removals` (of `owned`) is over budget, or nil. Expired entries count too: a mass
    /// expiry is as worth a look as a mass removal.
    public func refusal(removals: Int, owned: Int, environment: EnvironmentName, wording: Wording) -> String? {
        guard removals > 0 else { return nil }
        let (verb, noun, mode) = wording == .rules ? ("revokes", "rules", "") : ("removes", "networks or rules", " (prefix-list mode)")
        if removals > maximumRules {
            return "plan \(verb) \(removals) \(noun) in \(environment)\(mode), over the budget of \(maximumRules) per run; "
                + "check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_rules)"
        }
        // Small environments would trip a pure percentage on their first removal, so a
        // fraction only counts once more than a couple go.
        if removals > 2, Double(removals) > maximumFraction * Double(owned) {
            let percent = Int((Double(removals) / Double(max(owned, 1)) * 100).rounded())
            let ownedNoun = wording == .rules ? "owned rules" : "owned entries and rules"
            return "plan \(verb) \(removals) of \(owned) \(ownedNoun) (\(percent)%) in \(environment)\(mode), over the budget of "
                + "\(Int(maximumFraction * 100))%; check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_fraction)"
        }
        return nil
    }
}
