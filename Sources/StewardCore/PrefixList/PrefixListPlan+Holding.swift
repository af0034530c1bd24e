/// How the guards cut a prefix-list plan down: entry changes per list (keeping each list's
/// target equal to what it will really hold) and reference-rule changes per group.
extension PrefixListPlan: AccessPlan {
    public var removalCount: Int { entryRemoveCount + revokeCount }
    /// Rules whose network moved into the list (or that duplicate another) take nobody's access away.
    public var accessRemovalCount: Int { entryRemoveCount + groups.reduce(0) { $0 + $1.revoke.filter { !$0.keepsAccess }.count } }
    public var removalNoun: String { "removal(s)" }
    public var budgetWording: RevokeBudget.Wording { .prefixList }

    public mutating func holdAllButKnownExpiries() -> [ActionResult] {
        let message = "desired state unreadable: only known-expired entries are revoked"
        return holdEntries(keeping: { change, isAdd in !isAdd && change.reason == .expired }, holdCreatesAndGrows: true, message: message)
            + holdRules(authorize: true, revoke: { $0.reason != .expired }, message: message)
    }

    public mutating func holdRemovals(message: String) -> [ActionResult] {
        holdEntries(keeping: { _, isAdd in isAdd }, holdCreatesAndGrows: false, message: message)
            + holdRules(authorize: false, revoke: { _ in true }, message: message)
    }

    public mutating func holdAccessRemovals(message: String) -> [ActionResult] {
        holdEntries(keeping: { _, isAdd in isAdd }, holdCreatesAndGrows: false, message: message)
            + holdRules(authorize: false, revoke: { !$0.keepsAccess }, message: message)
    }

    private mutating func holdEntries(keeping keep: (PrefixListEntryChange, Bool) -> Bool, holdCreatesAndGrows: Bool, message: String) -> [ActionResult] {
        var held: [ActionResult] = []
        for index in lists.indices {
            let list = lists[index]
            let resource: ResourceReference = list.listID.map { .prefixList(id: $0) } ?? .newPrefixList(family: list.family)
            if holdCreatesAndGrows, let maxEntries = list.maxEntries {
                held.append(ActionResult(kind: .authorize, environment: environment, resource: resource,
                                         target: .setting("\(list.name) max entries \(maxEntries)"),
                                         reason: (list.isCreate ? PrefixListReason.listNeeded : .listFull).rawValue, outcome: .refused, message: message))
                lists[index].maxEntries = nil
                if list.isCreate {
                    held += list.add.map {
                        ActionResult(kind: .authorize, environment: environment, resource: resource, target: .entry($0.cidr),
                                     reason: $0.reason.rawValue, outcome: .refused, message: message)
                    }
                    lists[index].add = []
                    lists[index].target = []
                    continue
                }
            }
            for (isAdd, changes) in [(true, list.add), (false, list.remove)] {
                held += changes.filter { !keep($0, isAdd) }.map {
                    ActionResult(kind: isAdd ? ($0.reason == .descriptionChanged ? .updateDescription : .authorize) : .revoke,
                                 environment: environment, resource: resource, target: .entry($0.cidr), reason: $0.reason.rawValue,
                                 outcome: .refused, message: message)
                }
                if isAdd { lists[index].add = changes.filter { keep($0, true) } } else { lists[index].remove = changes.filter { keep($0, false) } }
            }
            // What the list will hold is what it holds now, plus kept adds, minus kept removes.
            var entries = list.observedEntries
            for removal in lists[index].remove { entries[removal.cidr] = nil }
            for add in lists[index].add { entries[add.cidr] = add.description }
            lists[index].target = entries.map { PrefixListEntry(cidr: $0.key, description: $0.value) }.sorted()
        }
        // A held create leaves nothing to do for that list.
        lists.removeAll { $0.isCreate && $0.maxEntries == nil }
        return held
    }

    private mutating func holdRules(authorize: Bool, revoke: (PrefixListRuleRevocation) -> Bool, message: String) -> [ActionResult] {
        var held: [ActionResult] = []
        for index in groups.indices {
            let group = groups[index]
            if authorize {
                held += group.authorize.map {
                    ActionResult(kind: .authorize, environment: environment, resource: .securityGroup(id: group.groupID), target: $0.target,
                                 reason: $0.reason.rawValue, outcome: .refused, message: message)
                }
                groups[index].authorize = []
            }
            held += group.revoke.filter(revoke).map {
                ActionResult(kind: .revoke, environment: environment, resource: .securityGroup(id: group.groupID),
                             target: .rule(id: $0.ruleID, source: $0.source.description), reason: $0.reason.rawValue, outcome: .refused, message: message)
            }
            groups[index].revoke = group.revoke.filter { !revoke($0) }
        }
        return held
    }

    /// What Steward owns in the environment, as the revoke budget weighs removals: the entries
    /// of its lists and its rules on the managed groups.
    public static func ownedCount(observedLists: [ObservedPrefixList], groups: [ObservedSecurityGroup], ownerID: String, environment: EnvironmentName) -> Int {
        observedLists.filter { $0.isOwned(by: ownerID, environment: environment) }.reduce(0) { $0 + $1.entries.count }
            + groups.reduce(0) { $0 + $1.ingressRules.filter { $0.isOwned(by: ownerID) }.count }
    }
}
