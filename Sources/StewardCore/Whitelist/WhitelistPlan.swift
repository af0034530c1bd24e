/// What one environment's whitelist needs, group by group, plus what Steward won't touch.
public struct WhitelistPlan: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    /// Every managed group, in id order; groups with nothing to do have empty lists.
    public var groups: [SecurityGroupPlan]
    public var drift: [DriftItem]
    /// Entries skipped for a reason worth telling (e.g. one that breaks policy).
    public var warnings: [String]

    public init(environment: EnvironmentName, groups: [SecurityGroupPlan] = [], drift: [DriftItem] = [], warnings: [String] = []) {
        self.environment = environment
        self.groups = groups
        self.drift = drift
        self.warnings = warnings
    }

    public var hasChanges: Bool { groups.contains { !$0.isEmpty } }
    public var authorizeCount: Int { groups.reduce(0) { $0 + $1.authorize.count } }
    public var revokeCount: Int { groups.reduce(0) { $0 + $1.revoke.count } }
    public var updateCount: Int { groups.reduce(0) { $0 + $1.updateDescriptions.count } }
}
