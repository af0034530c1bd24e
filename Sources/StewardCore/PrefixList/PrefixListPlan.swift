/// What one prefix-list-mode environment needs: its lists (one per address family) and the
/// rules of its managed groups that reference them, plus what Steward won't touch.
public struct PrefixListPlan: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    /// One per family that has, or needs, a list, IPv4 first; unchanged lists are included
    /// (empty changes) so the plan can say they're up to date.
    public var lists: [PrefixListChange]
    /// Every managed group, in id order.
    public var groups: [PrefixListGroupPlan]
    public var drift: [DriftItem]
    /// Entries skipped for a reason worth telling (policy, a stray second list).
    public var warnings: [String]
    /// Limits that kept wanted networks out of a list (AWS's 1000-entry cap, the rule quota),
    /// each saying what to do.
    public var refusals: [Refusal]

    public init(
        environment: EnvironmentName, lists: [PrefixListChange] = [], groups: [PrefixListGroupPlan] = [],
        drift: [DriftItem] = [], warnings: [String] = [], refusals: [Refusal] = []
    ) {
        self.environment = environment
        self.lists = lists
        self.groups = groups
        self.drift = drift
        self.warnings = warnings
        self.refusals = refusals
    }

    public var hasChanges: Bool { lists.contains { !$0.isEmpty } || groups.contains { !$0.isEmpty } }
    public var entryAddCount: Int { lists.reduce(0) { $0 + $1.add.count } }
    public var entryRemoveCount: Int { lists.reduce(0) { $0 + $1.remove.count } }
    public var authorizeCount: Int { groups.reduce(0) { $0 + $1.authorize.count } }
    public var revokeCount: Int { groups.reduce(0) { $0 + $1.revoke.count } }
}
