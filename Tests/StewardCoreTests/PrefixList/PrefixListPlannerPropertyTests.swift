import Foundation
import PropertyBased
import StewardCore
import Testing

/// Invariants of prefix-list mode for any desired state, any owned or unowned lists and any
/// rules: applying the plan leaves each owned list holding exactly the active, policy-passing
/// networks of its family, one reference per family and port, and nothing unowned touched.
@Suite struct PrefixListPlannerPropertyTests {
    typealias F = Fixture

    struct World: Sendable, CustomStringConvertible {
        var desired: DesiredState
        var lists: [ObservedPrefixList]
        var groups: [ObservedSecurityGroup]
        var description: String {
            "\(desired.whitelist.map { "\($0.cidr)\($0.isActive(at: F.now) ? "" : " (expired)")" }) lists \(lists.map { "\($0.id):\($0.entries.keys.sorted())" }) "
                + "groups \(groups.map { $0.ingressRules.map(\.summary) })"
        }
    }

    static let pool: [String] = (0..<10).map { "198.51.100.\($0 * 16)/28" } + ["2001:db8:1::/48", "2001:db8:2::/64", "0.0.0.0/0", "10.0.0.0/8"]

    static var worlds: Generator<World, some SendableSequenceType> {
        // Per network: desired kind (absent / active / expired / active, other description),
        // in the owned list?, owned CIDR rule?, unowned CIDR rule?
        let cell = zip(Gen.int(in: 0...3), Gen.bool(0.4), Gen.bool(0.3), Gen.bool(0.2))
        // Per list family: owned list present? owned reference? unowned list present?
        let setup = zip(Gen.bool(0.6), Gen.bool(0.5), Gen.bool(0.3), Gen.int(in: 1...3))
        return zip(cell.array(of: pool.count...pool.count), setup).map { cells, setup in
            let (listPresent, ownedReference, unownedList, groupCount) = setup
            var entries: [WhitelistEntry] = []
            var v4: [CIDR: String] = [:]
            var v6: [CIDR: String] = [:]
            var groups = (0..<groupCount).map { F.group(id: "sg-\($0)", ports: $0 == 1 ? [22, 443] : [443]) }
            var ruleNumber = 0
            for (network, (kind, listed, ownedRule, unownedRule)) in zip(pool, cells) {
                let cidr = F.cidr(network)
                switch kind {
                case 1: entries.append(F.entry(network, "entry"))
                case 2: entries.append(F.entry(network, "entry", expiresIn: -10))
                case 3: entries.append(F.entry(network, "renamed"))
                default: break
                }
                if listed && listPresent {
                    if cidr.family == .ipv4 { v4[cidr] = "entry" } else { v6[cidr] = "entry" }
                }
                for index in groups.indices {
                    if ownedRule { ruleNumber += 1; groups[index].ingressRules.append(F.owned("sgr-\(ruleNumber)", network, description: "entry")) }
                    if unownedRule { ruleNumber += 1; groups[index].ingressRules.append(F.unowned("sgr-\(ruleNumber)", network)) }
                }
            }
            var lists: [ObservedPrefixList] = []
            if listPresent {
                lists.append(PrefixListPlannerTests.list("pl-4", max: 20, v4.reduce(into: [:]) { $0[$1.key.description] = $1.value }))
                lists.append(PrefixListPlannerTests.list("pl-6", family: .ipv6, max: 20, v6.reduce(into: [:]) { $0[$1.key.description] = $1.value }))
                if ownedReference {
                    for index in groups.indices {
                        ruleNumber += 1
                        groups[index].ingressRules.append(PrefixListPlannerTests.ownedReference("sgr-\(ruleNumber)", "pl-4"))
                    }
                }
            }
            if unownedList {
                lists.append(PrefixListPlannerTests.list("pl-99", owner: "someone-else", ["192.0.2.0/24": "theirs"]))
                ruleNumber += 1
                groups[0].ingressRules.append(PrefixListPlannerTests.unownedReference("sgr-\(ruleNumber)", "pl-99"))
            }
            return World(desired: F.desired(entries), lists: lists, groups: groups)
        }
    }

    static func plan(_ world: World) -> PrefixListPlan {
        PrefixListPlanner.plan(desired: world.desired, observedLists: world.lists, groups: world.groups, policy: .default,
                               ownerID: F.owner, now: F.now, ruleQuota: 1000)
    }

    @Test func applyingThePlanLeavesEachListHoldingExactlyTheActiveNetworks() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            let plan = Self.plan(world)
            let wanted = world.desired.whitelist.filter { $0.isActive(at: F.now) && Policy.default.violations(for: $0).isEmpty }
            for family in AddressFamily.allCases {
                let expected = Dictionary(uniqueKeysWithValues: wanted.filter { $0.cidr.family == family }.map { ($0.cidr, $0.description) })
                let observed = world.lists.first { $0.family == family && $0.isOwned(by: F.owner, environment: F.env) }
                var entries = observed?.entries ?? [:]
                if let change = plan.lists.first(where: { $0.family == family }) {
                    for remove in change.remove { entries[remove.cidr] = nil }
                    for add in change.add { entries[add.cidr] = add.description }
                    #expect(entries.count <= change.effectiveMaxEntries)
                    #expect(Dictionary(uniqueKeysWithValues: change.target.map { ($0.cidr, $0.description) }) == expected)
                }
                #expect(entries == expected, "\(family)")
            }
        }
    }

    @Test func neverTouchesUnownedRulesOrLists() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            let plan = Self.plan(world)
            let unownedRules = Set(world.groups.flatMap(\.ingressRules).filter { !$0.isOwned(by: F.owner) }.map(\.ruleID))
            #expect(plan.groups.flatMap(\.revoke).allSatisfy { !unownedRules.contains($0.ruleID) })
            let ownedLists = Set(world.lists.filter { $0.isOwned(by: F.owner, environment: F.env) }.map(\.id))
            #expect(plan.lists.compactMap(\.listID).allSatisfy { ownedLists.contains($0) })
            #expect(plan.groups.flatMap(\.authorize).compactMap(\.listID).allSatisfy { ownedLists.contains($0) })
        }
    }

    /// Afterwards every group references each non-empty family's list once per port, and
    /// holds no owned per-network rule.
    @Test func eachGroupEndsWithOneReferencePerFamilyAndPort() async {
        await propertyCheck(count: 300, input: Self.worlds) { world in
            Self.checkReferences(world)
        }
    }

    static func checkReferences(_ world: World) {
        let plan = Self.plan(world)
        let families = Set(plan.lists.filter { !$0.target.isEmpty }.map(\.family))
        for group in world.groups {
            let groupPlan = plan.groups.first { $0.groupID == group.id }
            #expect(groupPlan != nil, "group \(group.id) missing from the plan")
            let revoked = Set((groupPlan?.revoke ?? []).map(\.ruleID))
            let remaining = group.ingressRules.filter { !revoked.contains($0.ruleID) }
            #expect(!remaining.contains { $0.isOwned(by: F.owner) && $0.source.cidr != nil })
            var references: [String] = []
            for rule in remaining {
                guard case .prefixList(let id) = rule.source, let list = world.lists.first(where: { $0.id == id }),
                      list.isOwned(by: F.owner, environment: F.env), let ports = rule.ports else { continue }
                references.append("\(list.family.rawValue)/\(ports)")
            }
            references += (groupPlan?.authorize ?? []).map { "\($0.family.rawValue)/\($0.ports)" }
            let expected = families.flatMap { family in group.whitelistPorts.map { "\(family.rawValue)/\($0)" } }
            #expect(references.sorted() == expected.sorted())
        }
    }
}
