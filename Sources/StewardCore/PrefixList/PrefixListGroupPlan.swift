/// The changes to one managed group in prefix-list mode: at most one authorize call (all its
/// reference rules) and one revoke call (by rule ids).
public struct PrefixListGroupPlan: Sendable, Hashable, Codable {
    public var groupID: String
    public var groupName: String
    public var authorize: [PrefixListRuleGrant]
    public var revoke: [PrefixListRuleRevocation]
    /// False when adding the references before revoking the moved rules would take the group
    /// over its rule quota for a moment (AWS would refuse the authorize): then revokes go first.
    public var authorizeFirst: Bool

    public init(groupID: String, groupName: String, authorize: [PrefixListRuleGrant] = [], revoke: [PrefixListRuleRevocation] = [], authorizeFirst: Bool = true) {
        self.groupID = groupID
        self.groupName = groupName
        self.authorize = authorize
        self.revoke = revoke
        self.authorizeFirst = authorizeFirst
    }

    public var isEmpty: Bool { authorize.isEmpty && revoke.isEmpty }
}
