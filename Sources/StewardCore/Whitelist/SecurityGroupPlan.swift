/// The changes to one security group. Each list becomes (at most) one AWS call.
public struct SecurityGroupPlan: Sendable, Hashable, Codable {
    public var groupID: String
    public var groupName: String
    public var authorize: [RuleGrant]
    public var revoke: [RuleRevocation]
    public var updateDescriptions: [DescriptionUpdate]

    public init(groupID: String, groupName: String, authorize: [RuleGrant] = [], revoke: [RuleRevocation] = [], updateDescriptions: [DescriptionUpdate] = []) {
        self.groupID = groupID
        self.groupName = groupName
        self.authorize = authorize
        self.revoke = revoke
        self.updateDescriptions = updateDescriptions
    }

    public var isEmpty: Bool { authorize.isEmpty && revoke.isEmpty && updateDescriptions.isEmpty }
}
