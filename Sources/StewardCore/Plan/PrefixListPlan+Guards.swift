extension PrefixListPlan {
    /// The safety rules of rules mode, applied to a prefix-list plan in place: an unreadable
    /// file only removes networks known to have expired; upsert-only never takes access away;
    /// the revoke budget counts every removal of access (list entries and rules), but not rules
    /// whose network moved into the list. Returns what was held back and why.
    public mutating func applyGuards(
        failedRead: Bool, upsertOnly: Bool, revokeBudget: RevokeBudget, force: Bool, ownerID: String,
        observedLists: [ObservedPrefixList], groups: [ObservedSecurityGroup]
    ) -> (refusals: [String], held: [ActionResult]) {
        var refusals: [String] = []
        var held: [ActionResult] = []

        func holdEntries(_ keep: (PrefixListEntryChange, Bool) -> Bool, holdCreatesAndGrows: Bool, message: String) {
            for index in lists.indices {
                let list = lists[index]
                let target = list.listID ?? "(new \(list.family.rawValue) list)"
                if holdCreatesAndGrows, list.maxEntries != nil {
                    held.append(ActionResult(kind: .authorize, environment: environment, resource: target,
                                             target: "\(list.name) max entries \(list.maxEntries ?? 0)", reason: (list.isCreate ? PrefixListReason.listNeeded : .listFull).rawValue,
                                             outcome: .refused, message: message))
                    lists[index].maxEntries = nil
                    if list.isCreate {
                        held += list.add.map {
                            ActionResult(kind: .authorize, environment: environment, resource: target, target: "\($0.cidr)", reason: $0.reason.rawValue, outcome: .refused, message: message)
                        }
                        lists[index].add = []
                        lists[index].target = []
                        continue
                    }
                }
                for (isAdd, changes) in [(true, list.add), (false, list.remove)] {
                    let dropped = changes.filter { !keep($0, isAdd) }
                    held += dropped.map {
                        ActionResult(kind: isAdd ? ($0.reason == .descriptionChanged ? .updateDescription : .authorize) : .revoke,
                                     environment: environment, resource: target, target: "\($0.cidr)", reason: $0.reason.rawValue,
                                     outcome: .refused, message: message)
                    }
                    if isAdd { lists[index].add = changes.filter { keep($0, true) } } else { lists[index].remove = changes.filter { keep($0, false) } }
                }
                // What the list will hold is what it holds now, plus kept adds, minus kept removes.
                let removed = Set(lists[index].remove.map(\.cidr))
                var entries = observedLists.first { $0.id == list.listID }?.entries ?? [:]
                for cidr in removed { entries[cidr] = nil }
                for add in lists[index].add { entries[add.cidr] = add.description }
                lists[index].target = entries.map { PrefixListEntry(cidr: $0.key, description: $0.value) }.sorted()
            }
            // A held create leaves nothing to do for that list.
            lists.removeAll { $0.isCreate && $0.maxEntries == nil }
        }

        func holdRules(authorize: Bool, revoke: (PrefixListRuleRevocation) -> Bool, message: String) {
            for index in groups.indices {
                let group = self.groups[index]
                if authorize {
                    held += group.authorize.map {
                        ActionResult(kind: .authorize, environment: environment, resource: group.groupID, target: $0.summary, reason: $0.reason.rawValue, outcome: .refused, message: message)
                    }
                    self.groups[index].authorize = []
                }
                held += group.revoke.filter(revoke).map {
                    ActionResult(kind: .revoke, environment: environment, resource: group.groupID, target: "\($0.ruleID) \($0.source)", reason: $0.reason.rawValue, outcome: .refused, message: message)
                }
                self.groups[index].revoke = group.revoke.filter { !revoke($0) }
            }
        }

        if failedRead {
            let message = "desired state unreadable: only known-expired entries are revoked"
            holdEntries({ change, isAdd in !isAdd && change.reason == .expired }, holdCreatesAndGrows: true, message: message)
            holdRules(authorize: true, revoke: { $0.reason != .expired }, message: message)
        }
        if upsertOnly {
            let removals = entryRemoveCount + revokeCount
            if removals > 0 {
                refusals.append("\(environment): upsert-only policy; \(removals) removal(s) not applied")
            }
            holdEntries({ _, isAdd in isAdd }, holdCreatesAndGrows: false, message: "upsert-only policy")
            holdRules(authorize: false, revoke: { _ in true }, message: "upsert-only policy")
        }
        let removals = entryRemoveCount + self.groups.reduce(0) { $0 + $1.revoke.filter { !$0.keepsAccess }.count }
        let owned = observedLists.filter { $0.isOwned(by: ownerID, environment: environment) }.reduce(0) { $0 + $1.entries.count }
            + groups.reduce(0) { $0 + $1.ingressRules.filter { $0.isOwned(by: ownerID) }.count }
        if !force, removals > 0, let refusal = budgetRefusal(revokeBudget, removals: removals, owned: owned) {
            refusals.append(refusal)
            holdEntries({ _, isAdd in isAdd }, holdCreatesAndGrows: false, message: "over the revoke budget")
            holdRules(authorize: false, revoke: { !$0.keepsAccess }, message: "over the revoke budget")
        }
        return (refusals, held)
    }

    private func budgetRefusal(_ budget: RevokeBudget, removals: Int, owned: Int) -> String? {
        if removals > budget.maximumRules {
            return "plan removes \(removals) networks or rules in \(environment) (prefix-list mode), over the budget of \(budget.maximumRules) per run; "
                + "check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_rules)"
        }
        if removals > 2, Double(removals) > budget.maximumFraction * Double(owned) {
            let percent = Int((Double(removals) / Double(max(owned, 1)) * 100).rounded())
            return "plan removes \(removals) of \(owned) owned entries and rules (\(percent)%) in \(environment) (prefix-list mode), over the budget of "
                + "\(Int(budget.maximumFraction * 100))%; check the plan, then apply with --force (or raise whitelist.revoke_budget.maximum_fraction)"
        }
        return nil
    }
}
