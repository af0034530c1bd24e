extension DriftItem {
    /// An owned rule the plan revokes: critical when its entry expired (access past its end
    /// date), low otherwise (removed, a duplicate, a port no longer managed).
    static func plannedRevoke(_ revoke: RuleRevocation, group: SecurityGroupPlan, environment: EnvironmentName) -> DriftItem {
        let resource = ResourceReference.securityGroupRule(groupID: group.groupID, ruleID: revoke.ruleID)
        let rule = "\(revoke.source) \(revoke.ipProtocol)/\(revoke.ports.map { "\($0)" } ?? "all")"
        if revoke.reason == .expired {
            return DriftItem(kind: .expiredEntryGranted, severity: .critical, environment: environment, resource: resource,
                             message: "\(rule) on \(group.groupName) is still granted though its entry expired; the next apply revokes it")
        }
        return DriftItem(kind: .ownedRuleNotDesired, severity: .low, environment: environment, resource: resource,
                         message: "\(rule) on \(group.groupName) is Steward's but no entry wants it (\(revoke.reason.rawValue)); the next apply revokes it")
    }

    /// A tier resource the plan changes. High when it runs (costing money) where the tier says
    /// stopped or torn down; low otherwise. Bookkeeping steps (tags, autoscaling bounds) are
    /// not findings of their own.
    static func tierStep(_ step: TierStep, plan: TierPlan, dailyCost: [String: Double]) -> DriftItem? {
        let resource = step.action.resource
        let runsWhereStopped: Bool
        switch step.action {
        case .scaleService(_, let count): runsWhereStopped = plan.tier != .running && count == 0
        case .stopDatabase, .stopInstances, .snapshotDatabase, .deleteDatabase: runsWhereStopped = plan.tier != .running
        case .startDatabase, .startInstances, .restoreDatabase, .createClusterMember: runsWhereStopped = false
        case .saveServiceState, .setScalableTarget, .markServiceRestored, .markSnapshotRestored: return nil
        }
        var message = "\(resource.name) is not as the \(plan.tier.rawValue) tier wants: the next apply will \(step.action.summary) (\(step.reason))"
        var cost: DriftCost?
        if runsWhereStopped, let perDay = dailyCost[resource.name], perDay > 0 {
            cost = DriftCost(perDay: perDay)
            message += "; running costs about $\(Self.money(perDay))/day"
        }
        return DriftItem(kind: .tierNotAsDesired, severity: runsWhereStopped ? .high : .low, environment: plan.environment,
                         resource: resource.reference, message: message, cost: cost)
    }

    /// An owned bastion the plan terminates: high while it is up (an open door nobody's lease
    /// wants, with what it costs a day), low when it is already stopped.
    static func bastionWithoutLease(_ termination: BastionTermination, environment: EnvironmentName, prices: PriceTable) -> DriftItem {
        let up = termination.state.isUp
        let cost = up ? DriftCost.instance(termination.instanceType, prices: prices) : nil
        return DriftItem(kind: .bastionWithoutLease, severity: up ? .high : .low, environment: environment,
                         resource: .bastion(instanceID: termination.instanceID),
                         message: "\(termination.instanceID) (\(termination.state.rawValue)) is up with no lease for it (\(termination.reason.rawValue)); the next apply terminates it"
                             + (cost.map { "; \($0.phrase)" } ?? ""),
                         cost: cost)
    }

    /// A managed prefix list's entries the plan changes, one finding per list and kind (an
    /// entry has no AWS id of its own, and a finding's id must not come from text): expired
    /// entries still in the list and entries wider than policy allows (critical: the same
    /// finding a hand-made wide rule on a group gives), entries no one wants (low), wanted ones
    /// missing (low).
    static func plannedListChanges(_ list: PrefixListChange, environment: EnvironmentName) -> [DriftItem] {
        let resource = list.listID.map { ResourceReference.prefixList(id: $0) } ?? .newPrefixList(family: list.family)
        func networks(_ changes: [PrefixListEntryChange]) -> String { changes.map { "\($0.cidr)" }.sorted().joined(separator: ", ") }
        var items: [DriftItem] = []
        let wide = Set(list.widerThanPolicy)
        let expired = list.remove.filter { $0.reason == .expired && !wide.contains($0.cidr) }
        let unwanted = list.remove.filter { $0.reason != .expired && !wide.contains($0.cidr) }
        if !wide.isEmpty {
            let removing = list.remove.contains { wide.contains($0.cidr) }
            items.append(DriftItem(kind: .ruleWiderThanPolicy, severity: .critical, environment: environment, resource: resource,
                                   message: "\(list.name) holds entries wider than policy allows any entry to be: "
                                       + list.widerThanPolicy.map(\.description).joined(separator: ", ")
                                       + " (added by hand, or granted before policy was tightened); "
                                       + (removing ? "the next apply removes them" : "a guard holds their removal back — review them by hand")))
        }
        if !expired.isEmpty {
            items.append(DriftItem(kind: .expiredEntryGranted, severity: .critical, environment: environment, resource: resource,
                                   message: "\(list.name) still holds expired entries \(networks(expired)); the next apply removes them"))
        }
        if !unwanted.isEmpty {
            items.append(DriftItem(kind: .ownedRuleNotDesired, severity: .low, environment: environment, resource: resource,
                                   message: "\(list.name) holds entries no one wants \(networks(unwanted)); the next apply removes them"))
        }
        if !list.add.isEmpty {
            items.append(DriftItem(kind: .entryNotGranted, severity: .low, environment: environment, resource: resource,
                                   message: "\(list.name) lacks desired entries \(networks(list.add)); the next apply adds them"))
        }
        return items
    }

    static func money(_ value: Double) -> String {
        let cents = Int((value * 100).rounded())
        return "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    }
}
