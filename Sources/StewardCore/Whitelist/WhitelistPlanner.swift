import Foundation

// How each (desired entry, observed rule) pair is planned, per managed group and port.
// Rows are checked in order; "owned" means the rule carries steward:owner=<owner_id>.
//
// | desired entry for (cidr, port)  | observed rule for (cidr, port)     | plan                                       |
// |---------------------------------|------------------------------------|--------------------------------------------|
// | active, passes policy           | none                               | authorize (new entry)                      |
// | active, passes policy           | owned, same description            | nothing                                    |
// | active, passes policy           | owned, other description           | update description (description changed)  |
// | active, passes policy           | second owned twin                  | revoke the twin (duplicate rule)           |
// | active, passes policy           | unowned only                       | nothing; drift (granted by unmanaged rule) |
// | expired                         | owned                              | revoke (expired)                           |
// | active, port not opened by group| owned                              | revoke (port no longer managed)            |
// | breaks policy                   | owned                              | revoke (removed) + warning                 |
// | absent                          | owned                              | revoke (removed from desired state)        |
// | any                             | unowned                            | nothing; drift (world-open: critical)      |
// | expired / absent                | none                               | nothing (expired entries never authorized) |

/// The pure heart of the whitelist loop: desired state and an observed snapshot in, a plan
/// out. No I/O, no clock: `now` is a parameter so every decision can be replayed in a test.
public struct WhitelistPlanner: Sendable {
    public var ownerID: String

    public init(ownerID: String) {
        self.ownerID = ownerID
    }

    public func plan(desired: DesiredState, observed: [ObservedSecurityGroup], policy: Policy, now: Date) -> WhitelistPlan {
        // Entries are keyed by network once; each group then looks its rules up by
        // (network, protocol, ports) so the work is linear in entries + rules.
        let entries = ActiveEntries(desired, policy: policy, now: now)

        var drift: [DriftItem] = []
        var groupPlans: [SecurityGroupPlan] = []
        groupPlans.reserveCapacity(observed.count)
        for group in observed.sorted(by: { $0.id < $1.id }) {
            groupPlans.append(planGroup(
                group, environment: desired.environment, active: entries.byCIDR, orderedActive: entries.ordered,
                expired: entries.expired, policy: policy, drift: &drift
            ))
        }
        return WhitelistPlan(environment: desired.environment, groups: groupPlans, drift: drift.sorted(), warnings: entries.warnings)
    }

    private struct RuleKey: Hashable {
        var cidr: CIDR
        var networkProtocol: NetworkProtocol
        var ports: PortRange
    }

    private func planGroup(
        _ group: ObservedSecurityGroup,
        environment: EnvironmentName,
        active: [CIDR: WhitelistEntry],
        orderedActive: [WhitelistEntry],
        expired: Set<CIDR>,
        policy: Policy,
        drift: inout [DriftItem]
    ) -> SecurityGroupPlan {
        var plan = SecurityGroupPlan(groupID: group.id, groupName: group.name)
        let managedPorts = Set(group.whitelistPorts)
        // Keys already satisfied, by an owned rule (ours) or an unowned one (someone else's).
        var satisfied: Set<RuleKey> = []
        satisfied.reserveCapacity(group.ingressRules.count)

        // Unowned rules first, so an owned twin of a hand-made rule is judged knowing about it.
        var ownedRules: [ObservedRule] = []
        ownedRules.reserveCapacity(group.ingressRules.count)
        for rule in group.ingressRules {
            if rule.isOwned(by: ownerID) {
                ownedRules.append(rule)
                continue
            }
            drift.append(.unownedRule(rule, environment: environment, groupID: group.id, ownerID: ownerID, policy: policy))
            if let cidr = rule.source.cidr, let proto = rule.networkProtocol, let ports = rule.ports,
               let entry = active[cidr], managedPorts.contains(ports)
            {
                let key = RuleKey(cidr: cidr, networkProtocol: proto, ports: ports)
                if proto == group.networkProtocol, satisfied.insert(key).inserted {
                    drift.append(DriftItem(
                        kind: .grantedByUnmanagedRule, severity: .low, environment: environment,
                        resource: .securityGroupRule(groupID: group.id, ruleID: rule.ruleID),
                        message: "\(entry.cidr) (\(entry.description)) is already granted by unmanaged rule \(rule.ruleID); "
                            + "Steward can't add its own rule — remove the hand-made one to let Steward manage (and expire) it"
                    ))
                }
            }
        }

        for rule in ownedRules {
            guard let cidr = rule.source.cidr, let proto = rule.networkProtocol, let ports = rule.ports else {
                plan.revoke.append(RuleRevocation(rule: rule, reason: .removed))
                continue
            }
            guard let entry = active[cidr] else {
                plan.revoke.append(RuleRevocation(rule: rule, reason: expired.contains(cidr) ? .expired : .removed))
                continue
            }
            guard proto == group.networkProtocol, managedPorts.contains(ports) else {
                plan.revoke.append(RuleRevocation(rule: rule, reason: .portNotManaged))
                continue
            }
            let key = RuleKey(cidr: cidr, networkProtocol: proto, ports: ports)
            guard satisfied.insert(key).inserted else {
                plan.revoke.append(RuleRevocation(rule: rule, reason: .duplicate))
                continue
            }
            if rule.description != entry.description {
                plan.updateDescriptions.append(DescriptionUpdate(
                    ruleID: rule.ruleID, cidr: cidr, networkProtocol: proto, ports: ports,
                    oldDescription: rule.description, newDescription: entry.description
                ))
            }
        }

        for entry in orderedActive {
            for ports in group.whitelistPorts {
                let key = RuleKey(cidr: entry.cidr, networkProtocol: group.networkProtocol, ports: ports)
                if satisfied.insert(key).inserted {
                    plan.authorize.append(RuleGrant(
                        cidr: entry.cidr, networkProtocol: group.networkProtocol, ports: ports,
                        description: entry.description, expiresAt: entry.expiresAt, reason: .newEntry
                    ))
                }
            }
        }

        plan.authorize.sort { ($0.cidr, $0.ports) < ($1.cidr, $1.ports) }
        plan.revoke.sort { $0.ruleID < $1.ruleID }
        plan.updateDescriptions.sort { $0.ruleID < $1.ruleID }
        return plan
    }
}
