/// How the guards cut a rules-mode plan down, group by group.
extension WhitelistPlan: AccessPlan {
    public var removalCount: Int { revokeCount }
    public var accessRemovalCount: Int { revokeCount }
    public var removalNoun: String { "revoke(s)" }
    public var budgetWording: RevokeBudget.Wording { .rules }

    public mutating func holdAllButKnownExpiries() -> [ActionResult] {
        let message = "desired state unreadable: only known-expired entries are revoked"
        return groups.indices.flatMap { index in
            holdGrants(in: index, message: message) + holdRevokes(in: index, where: { $0.reason != .expired }, message: message)
                + holdUpdates(in: index, message: message)
        }
    }

    public mutating func holdRemovals(message: String) -> [ActionResult] {
        groups.indices.flatMap { holdRevokes(in: $0, where: { _ in true }, message: message) }
    }

    public mutating func holdAccessRemovals(message: String) -> [ActionResult] {
        holdRemovals(message: message)
    }

    mutating func holdGrants(in index: Int, message: String) -> [ActionResult] {
        let group = groups[index]
        groups[index].authorize = []
        return group.authorize.map {
            ActionResult(kind: .authorize, environment: environment, resource: .securityGroup(id: group.groupID), target: $0.target,
                         reason: $0.reason.rawValue, outcome: .refused, message: message)
        }
    }

    private mutating func holdRevokes(in index: Int, where selected: (RuleRevocation) -> Bool, message: String) -> [ActionResult] {
        let group = groups[index]
        groups[index].revoke = group.revoke.filter { !selected($0) }
        return group.revoke.filter(selected).map {
            ActionResult(kind: .revoke, environment: environment, resource: .securityGroup(id: group.groupID), target: $0.target,
                         reason: $0.reason.rawValue, outcome: .refused, message: message)
        }
    }

    private mutating func holdUpdates(in index: Int, message: String) -> [ActionResult] {
        let group = groups[index]
        groups[index].updateDescriptions = []
        return group.updateDescriptions.map {
            ActionResult(kind: .updateDescription, environment: environment, resource: .securityGroup(id: group.groupID), target: $0.target,
                         reason: $0.reason.rawValue, outcome: .refused, message: message)
        }
    }
}
