import Foundation

// Prefix-list mode: per environment and address family one Steward-owned managed prefix list
// holds the active networks; every managed group carries one rule per port referencing it.
// Rows are checked in order; "owned" means tagged steward:owner=<owner_id> (lists: and
// steward:environment=<env>). Unowned lists and rules are never planned.
//
// Lists, per family:
// | active, policy-passing networks | owned list                     | plan                                              |
// |---------------------------------|--------------------------------|---------------------------------------------------|
// | none                            | none                           | nothing                                           |
// | some                            | none                           | create `steward-<env>-<family>` with them (new)   |
// | some                            | exists                         | add missing, re-add changed descriptions, remove  |
// |                                 |                                | the rest (expired / removed)                      |
// | more than its max entries       | exists                         | grow max entries first (own modify), then entries |
// | none                            | exists                         | remove every entry; the list itself stays         |
// | more than the cap allows        | any                            | keep present ones, add in file order up to the    |
// |                                 |                                | cap, refuse the rest with what to do              |
// | any                             | second owned list, same family | left alone, its references revoked, warned        |
//
// Sizing: max entries grows to the next multiple of 10 ≥ the count (headroom so small edits
// don't resize), never shrinks, and is capped by AWS's 1000 and by the rule quota: a
// reference counts the list's max entries against the group's quota once per port.
//
// Rules, per managed group (ports from the group, protocol from the group):
// | rule                                          | plan                                                 |
// |-----------------------------------------------|------------------------------------------------------|
// | no reference to a non-empty family's list     | authorize one per port (owned)                       |
// | owned reference, wanted list, managed port    | nothing (a second one: revoke as duplicate)          |
// | owned reference, list empty / stray / unknown | revoke (list no longer used)                         |
// | owned reference, port not managed             | revoke (port no longer managed)                      |
// | owned CIDR rule, network in the list          | revoke (moved into list) once the reference exists   |
// | owned CIDR rule, network active but capped out| nothing: it keeps granting until the list has room   |
// | owned CIDR rule, network expired / absent     | revoke (expired / removed)                           |
// | owned rule of any other source                | revoke (removed)                                     |
// | unowned reference to the wanted list          | counts as the reference; drift (warning)             |
// | any other unowned rule                        | nothing; drift (world-open: critical)                |
//
// Switching back to rules mode is WhitelistPlanner's job: it revokes owned reference rules as
// "removed" (owned rules without a CIDR). The list is left as it is — not deleted, since
// something else may reference it, and not emptied, since rules mode doesn't read lists (it
// would cost a call every reconcile). Its entries freeze; Steward no longer references it.

/// The pure heart of prefix-list mode: desired state and observed snapshots in, a plan out.
/// No I/O, no clock.
public enum PrefixListPlanner {
    /// AWS's largest max entries for a customer-managed prefix list.
    public static let maximumEntriesCap = 1000
    /// Max entries grow in steps of this, so adding one network doesn't resize every time.
    public static let headroomStep = 10

    /// `steward-dev-ipv4`
    public static func listName(environment: EnvironmentName, family: AddressFamily) -> String {
        "steward-\(environment.rawValue)-\(family.rawValue)"
    }

    /// Description of the reference rules Steward authorizes.
    public static func referenceDescription(environment: EnvironmentName, family: AddressFamily) -> String {
        "steward \(environment.rawValue) whitelist (\(family.rawValue) prefix list)"
    }

    /// Smallest multiple of the step that holds `count` (at least one step).
    public static func headroom(for count: Int) -> Int {
        max(headroomStep, (count + headroomStep - 1) / headroomStep * headroomStep)
    }

    public static func plan(
        desired: DesiredState, observedLists: [ObservedPrefixList], groups: [ObservedSecurityGroup],
        policy: Policy, ownerID: String, now: Date, ruleQuota: Int = 60
    ) -> PrefixListPlan {
        let environment = desired.environment
        var plan = PrefixListPlan(environment: environment)

        let entries = ActiveEntries(desired, policy: policy, now: now)
        let active = entries.byCIDR
        let expired = entries.expired
        let orderedActive = entries.ordered
        plan.warnings += entries.warnings

        // The one list per family Steward keeps; any other owned list of the family is a stray
        // (a lost create response, a copy by hand) that is reported, never adopted or deleted.
        var canonical: [AddressFamily: ObservedPrefixList] = [:]
        var strayIDs: Set<String> = []
        let owned = observedLists.filter { $0.isOwned(by: ownerID, environment: environment) }
        for family in AddressFamily.allCases {
            let expectedName = listName(environment: environment, family: family)
            let candidates = owned.filter { $0.family == family }.sorted { ($0.name == expectedName ? 0 : 1, $0.id) < ($1.name == expectedName ? 0 : 1, $1.id) }
            guard let first = candidates.first else { continue }
            canonical[family] = first
            for stray in candidates.dropFirst() {
                strayIDs.insert(stray.id)
                plan.warnings.append("\(stray.id) (\(stray.name)) is a second \(family.rawValue) list owned by Steward for \(environment); "
                    + "Steward uses \(first.id), revokes its own references to \(stray.id) and leaves the list itself — delete it by hand once nothing references it")
            }
        }

        // Lists.
        var inList: [AddressFamily: Set<CIDR>] = [:]
        var listIDs: [AddressFamily: String?] = [:]
        var newMax: [AddressFamily: Int] = [:]
        for family in AddressFamily.allCases {
            let wanted = orderedActive.filter { $0.cidr.family == family }
            let list = canonical[family]
            if list == nil && wanted.isEmpty { continue }
            let existing = list?.entries ?? [:]
            let currentMax = list?.maxEntries ?? 0
            let limit = min(maximumEntriesCap, quotaLimit(family: family, listID: list?.id, groups: groups, ownerID: ownerID, ruleQuota: ruleQuota))
            // Present entries first, so a cap never evicts a network that already has access.
            let ordered = wanted.filter { existing[$0.cidr] != nil } + wanted.filter { existing[$0.cidr] == nil }
            let capacity = max(currentMax, limit)
            let kept = Array(ordered.prefix(capacity))
            if ordered.count > kept.count {
                let left = ordered.dropFirst(capacity).map(\.cidr.description)
                plan.refusals.append(Refusal(environment: environment, guardName: .prefixListCapacity, message: "the \(family.rawValue) prefix list can hold \(capacity) networks "
                    + "(AWS caps a list at \(maximumEntriesCap) entries, and each reference counts the list's max entries against the group's rule quota of \(ruleQuota) once per port); "
                    + "\(left.count) not added: \(left.joined(separator: ", ")) — remove or merge entries, or raise whitelist.rule_quota after an AWS quota increase"))
                for entry in ordered.dropFirst(capacity) {
                    plan.warnings.append("\(entry.cidr) not granted: the \(family.rawValue) prefix list is full")
                }
            }
            if list == nil && kept.isEmpty { continue }
            var maxEntries: Int?
            if list == nil || kept.count > currentMax {
                maxEntries = min(headroom(for: kept.count), max(limit, kept.count))
            }
            let target = kept.map { PrefixListEntry(cidr: $0.cidr, description: $0.description) }.sorted()
            var change = PrefixListChange(
                family: family, name: listName(environment: environment, family: family), listID: list?.id,
                observedVersion: list?.version, observedMaxEntries: list?.maxEntries, maxEntries: maxEntries, target: target,
                observedEntries: list?.entries ?? [:]
            )
            if list != nil {
                for entry in kept.sorted(by: { $0.cidr < $1.cidr }) {
                    if let present = existing[entry.cidr] {
                        if present != entry.description {
                            change.add.append(PrefixListEntryChange(cidr: entry.cidr, description: entry.description, expiresAt: entry.expiresAt, reason: .descriptionChanged))
                        }
                    } else {
                        change.add.append(PrefixListEntryChange(cidr: entry.cidr, description: entry.description, expiresAt: entry.expiresAt, reason: .newEntry))
                    }
                }
                let keptSet = Set(kept.map(\.cidr))
                for (cidr, description) in existing.sorted(by: { $0.key < $1.key }) where !keptSet.contains(cidr) {
                    change.remove.append(PrefixListEntryChange(cidr: cidr, description: description, reason: expired.contains(cidr) ? .expired : .removed))
                }
                change.widerThanPolicy = existing.keys.filter { $0.prefixLength < policy.minimumPrefixLength(for: $0.family) }.sorted()
            } else {
                change.add = kept.sorted { $0.cidr < $1.cidr }.map {
                    PrefixListEntryChange(cidr: $0.cidr, description: $0.description, expiresAt: $0.expiresAt, reason: .newEntry)
                }
            }
            plan.lists.append(change)
            inList[family] = Set(kept.map(\.cidr))
            if !kept.isEmpty {
                listIDs[family] = .some(list?.id)
                newMax[family] = change.effectiveMaxEntries
            }
        }

        // Groups.
        var drift: [DriftItem] = []
        for group in groups.sorted(by: { $0.id < $1.id }) {
            plan.groups.append(planGroup(
                group, environment: environment, ownerID: ownerID, policy: policy, active: active, expired: expired, inList: inList,
                listIDs: listIDs, canonical: canonical, newMax: newMax, ruleQuota: ruleQuota, drift: &drift
            ))
        }
        plan.drift = drift.sorted()
        return plan
    }

    /// The largest max entries every managed group could take a reference to on each of its
    /// ports, after its other rules of the family (those Steward keeps: unowned ones).
    static func quotaLimit(family: AddressFamily, listID: String?, groups: [ObservedSecurityGroup], ownerID: String, ruleQuota: Int) -> Int {
        var limit = Int.max
        for group in groups {
            let others = group.ingressRules.filter { rule in
                guard !rule.isOwned(by: ownerID) else { return false }
                if case .prefixList(let id) = rule.source, id == listID { return false }
                return (rule.source.cidr?.family ?? .ipv4) == family
            }.count
            limit = min(limit, max(0, ruleQuota - others) / max(1, group.whitelistPorts.count))
        }
        return limit
    }

    private struct ReferenceKey: Hashable {
        var family: AddressFamily
        var ports: PortRange
    }

    private static func planGroup(
        _ group: ObservedSecurityGroup, environment: EnvironmentName, ownerID: String, policy: Policy,
        active: [CIDR: WhitelistEntry], expired: Set<CIDR>, inList: [AddressFamily: Set<CIDR>],
        listIDs: [AddressFamily: String?], canonical: [AddressFamily: ObservedPrefixList], newMax: [AddressFamily: Int],
        ruleQuota: Int, drift: inout [DriftItem]
    ) -> PrefixListGroupPlan {
        var plan = PrefixListGroupPlan(groupID: group.id, groupName: group.name)
        let managedPorts = Set(group.whitelistPorts)
        // Family of a wanted list id (only lists that stay non-empty are wanted).
        var wantedFamily: [String: AddressFamily] = [:]
        for (family, id) in listIDs {
            if let id { wantedFamily[id] = family }
        }
        var satisfied: Set<ReferenceKey> = []

        for rule in group.ingressRules where !rule.isOwned(by: ownerID) {
            drift.append(.unownedRule(rule, environment: environment, groupID: group.id, ownerID: ownerID, policy: policy))
            if case .prefixList(let id) = rule.source, let family = wantedFamily[id], let ports = rule.ports,
               rule.networkProtocol == group.networkProtocol, managedPorts.contains(ports),
               satisfied.insert(ReferenceKey(family: family, ports: ports)).inserted
            {
                drift.append(DriftItem(
                    kind: .grantedByUnmanagedRule, severity: .low, environment: environment,
                    resource: .securityGroupRule(groupID: group.id, ruleID: rule.ruleID),
                    message: "\(id) is already referenced by unmanaged rule \(rule.ruleID) on \(ports); Steward can't add its own — remove the hand-made one to let Steward manage it"
                ))
            }
        }

        for rule in group.ingressRules where rule.isOwned(by: ownerID) {
            switch rule.source {
            case .prefixList(let id):
                guard let family = wantedFamily[id] else {
                    plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .listNoLongerUsed))
                    continue
                }
                guard let ports = rule.ports, rule.networkProtocol == group.networkProtocol, managedPorts.contains(ports) else {
                    plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .portNotManaged))
                    continue
                }
                if !satisfied.insert(ReferenceKey(family: family, ports: ports)).inserted {
                    plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .duplicate))
                }
            case .cidr(let cidr):
                if inList[cidr.family]?.contains(cidr) == true {
                    if let ports = rule.ports, rule.networkProtocol == group.networkProtocol, managedPorts.contains(ports) {
                        plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .movedIntoList, family: cidr.family))
                    } else {
                        plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .portNotManaged))
                    }
                } else if active[cidr] != nil {
                    // Wanted but capped out of the list: the rule keeps granting it.
                    continue
                } else {
                    plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: expired.contains(cidr) ? .expired : .removed))
                }
            case .securityGroup:
                plan.revoke.append(PrefixListRuleRevocation(rule: rule, reason: .removed))
            }
        }

        for family in AddressFamily.allCases {
            guard let listID = listIDs[family] else { continue }
            for ports in group.whitelistPorts where satisfied.insert(ReferenceKey(family: family, ports: ports)).inserted {
                plan.authorize.append(PrefixListRuleGrant(
                    family: family, listID: listID, networkProtocol: group.networkProtocol, ports: ports,
                    description: referenceDescription(environment: environment, family: family)
                ))
            }
        }

        // Would the group, with the new references but before the revokes, pass its quota?
        for family in AddressFamily.allCases {
            var count = 0
            for rule in group.ingressRules {
                if case .prefixList(let id) = rule.source, let list = canonical.values.first(where: { $0.id == id }) {
                    if list.family == family { count += list.maxEntries }
                } else if (rule.source.cidr?.family ?? .ipv4) == family {
                    count += 1
                }
            }
            count += plan.authorize.filter { $0.family == family }.count * (newMax[family] ?? 0)
            if count > ruleQuota, !plan.authorize.isEmpty { plan.authorizeFirst = false }
        }

        plan.authorize.sort { ($0.family, $0.ports) < ($1.family, $1.ports) }
        plan.revoke.sort { $0.ruleID < $1.ruleID }
        return plan
    }
}
