import Foundation
import PropertyBased
import StewardCore
import Testing

/// Invariants that must hold for any desired state and any observed snapshot.
@Suite struct WhitelistPlannerPropertyTests {
    typealias F = Fixture

    /// A random world: a pool of networks; each is maybe desired (active or expired), maybe
    /// present as owned rules (0–2 twins, any description) and maybe as an unowned rule.
    struct World: Sendable, CustomStringConvertible {
        var desired: DesiredState
        var groups: [ObservedSecurityGroup]
        var description: String { "\(desired.whitelist.map(\.cidr)) vs \(groups.map { $0.ingressRules.map(\.summary) })" }
    }

    static let pool: [String] = (0..<12).map { "198.51.100.\($0 * 16)/28" } + ["2001:db8:1::/48", "2001:db8:2::/64", "0.0.0.0/0", "10.0.0.0/8"]

    static var worlds: Generator<World, some SendableSequenceType> {
        let cell = zip(Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.bool(0.2), Gen.bool(0.3))
        return zip(cell.array(of: pool.count...pool.count), Gen.int(in: 1...3), Gen.bool(0.3)).map { cells, groupCount, twoPorts in
            var entries: [WhitelistEntry] = []
            var groups: [ObservedSecurityGroup] = []
            let ports: [UInt16] = twoPorts ? [22, 443] : [443]
            for index in 0..<groupCount {
                groups.append(F.group(id: "sg-\(index)", ports: ports))
            }
            var ruleNumber = 0
            for (network, cell) in zip(pool, cells) {
                let (desiredKind, ownedCopies, unowned, staleDescription) = cell
                // 0: absent, 1: active, 2: expired, 3: active on a port no group opens (via description variant)
                if desiredKind == 1 || desiredKind == 3 {
                    entries.append(F.entry(network, "entry \(network.count)"))
                } else if desiredKind == 2 {
                    entries.append(F.entry(network, "entry \(network.count)", expiresIn: -10))
                }
                for groupIndex in groups.indices {
                    for copy in 0..<ownedCopies {
                        ruleNumber += 1
                        let port: UInt16 = copy == 1 ? 8080 : 443
                        groups[groupIndex].ingressRules.append(
                            F.owned("sgr-\(ruleNumber)", network, port: port, description: staleDescription ? "stale" : "entry \(network.count)"))
                    }
                    if unowned {
                        ruleNumber += 1
                        groups[groupIndex].ingressRules.append(F.unowned("sgr-\(ruleNumber)", network))
                    }
                }
            }
            return World(desired: F.desired(entries), groups: groups)
        }
    }

    struct RuleKey: Hashable { var cidr: CIDR; var port: PortRange; var description: String? }

    @Test func neverPlansAnUnownedRule() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            let plan = WhitelistPlanner(ownerID: F.owner).plan(desired: world.desired, observed: world.groups, policy: .default, now: F.now)
            let unownedIDs = Set(world.groups.flatMap(\.ingressRules).filter { !$0.isOwned(by: F.owner) }.map(\.ruleID))
            for group in plan.groups {
                #expect(group.revoke.allSatisfy { !unownedIDs.contains($0.ruleID) })
                #expect(group.updateDescriptions.allSatisfy { !unownedIDs.contains($0.ruleID) })
            }
            #expect(plan.drift.filter { $0.kind != .grantedByUnmanagedRule }.count == unownedIDs.count)
        }
    }

    @Test func expiredEntriesAreNeverAuthorized() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            let plan = WhitelistPlanner(ownerID: F.owner).plan(desired: world.desired, observed: world.groups, policy: .default, now: F.now)
            let inactive = Set(world.desired.whitelist.filter { !$0.isActive(at: F.now) }.map(\.cidr))
            #expect(plan.groups.flatMap(\.authorize).allSatisfy { !inactive.contains($0.cidr) })
        }
    }

    /// Applying the plan to the snapshot leaves exactly the wanted owned rules: one per
    /// (active, policy-passing entry × managed port), unless someone else's rule already grants it.
    @Test func applyingThePlanYieldsExactlyTheDesiredOwnedRules() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            let plan = WhitelistPlanner(ownerID: F.owner).plan(desired: world.desired, observed: world.groups, policy: .default, now: F.now)
            for (group, groupPlan) in zip(world.groups.sorted { $0.id < $1.id }, plan.groups) {
                #expect(group.id == groupPlan.groupID)
                let revoked = Set(groupPlan.revoke.map(\.ruleID))
                let updates = Dictionary(uniqueKeysWithValues: groupPlan.updateDescriptions.map { ($0.ruleID, $0.newDescription) })
                var after: [RuleKey] = group.ingressRules
                    .filter { $0.isOwned(by: F.owner) && !revoked.contains($0.ruleID) }
                    .map { RuleKey(cidr: $0.source.cidr!, port: $0.ports!, description: updates[$0.ruleID] ?? $0.description) }
                after += groupPlan.authorize.map { RuleKey(cidr: $0.cidr, port: $0.ports, description: $0.description) }

                let grantedByOthers = Set(group.ingressRules.filter { !$0.isOwned(by: F.owner) }.map { "\($0.source.cidr!)/\($0.ports!)" })
                var wanted: [RuleKey] = []
                for entry in world.desired.whitelist where entry.isActive(at: F.now) && Policy.default.violations(for: entry).isEmpty {
                    for port in group.whitelistPorts where !grantedByOthers.contains("\(entry.cidr)/\(port)") {
                        wanted.append(RuleKey(cidr: entry.cidr, port: port, description: entry.description))
                    }
                }
                #expect(after.count == Set(after).count, "no duplicates after apply")
                #expect(Set(after) == Set(wanted))
            }
        }
    }

    @Test func planningIsDeterministic() async {
        await propertyCheck(count: 100, input: Self.worlds) { world in
            let planner = WhitelistPlanner(ownerID: F.owner)
            let first = planner.plan(desired: world.desired, observed: world.groups, policy: .default, now: F.now)
            let shuffled = world.groups.reversed().map { group in
                var copy = group
                copy.ingressRules.reverse()
                return copy
            }
            let second = planner.plan(desired: world.desired, observed: shuffled, policy: .default, now: F.now)
            #expect(WhitelistPlanTextRenderer.render([first]) == WhitelistPlanTextRenderer.render([second]))
        }
    }
}
