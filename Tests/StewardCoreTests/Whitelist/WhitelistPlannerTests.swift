import Foundation
import StewardCore
import Testing

/// One row per line of the table at the top of WhitelistPlanner.swift.
@Suite struct WhitelistPlannerTests {
    typealias F = Fixture
    let planner = WhitelistPlanner(ownerID: F.owner)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var entries: [WhitelistEntry]
        var groups: [ObservedSecurityGroup]
        /// "+cidr:port", "-ruleid:reason", "~ruleid"
        var expected: [String]
        var driftKinds: [DriftKind] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "new entry is authorized",
             entries: [F.entry("203.0.113.10/32")], groups: [F.group()], expected: ["+203.0.113.10/32:443"]),
        Case(name: "new entry on every managed port",
             entries: [F.entry("203.0.113.10/32")], groups: [F.group(ports: [22, 443])],
             expected: ["+203.0.113.10/32:22", "+203.0.113.10/32:443"]),
        Case(name: "converged rule plans nothing",
             entries: [F.entry("203.0.113.10/32")], groups: [F.group([F.owned("sgr-1", "203.0.113.10/32")])], expected: []),
        Case(name: "description change is an in-place update",
             entries: [F.entry("203.0.113.10/32", "new desc")], groups: [F.group([F.owned("sgr-1", "203.0.113.10/32")])],
             expected: ["~sgr-1"]),
        Case(name: "owned twin with non-canonical text is a duplicate",
             entries: [F.entry("100.68.0.0/24")],
             groups: [F.group([F.owned("sgr-1", "100.68.0.0/24"), F.owned("sgr-2", "100.68.0.18/24")])],
             expected: ["-sgr-2:duplicate rule"]),
        Case(name: "entry granted by an unowned rule is drift, not a duplicate authorize",
             entries: [F.entry("203.0.113.10/32")], groups: [F.group([F.unowned("sgr-9", "203.0.113.10/32")])],
             expected: [], driftKinds: [.grantedByUnmanagedRule, .unmanagedRule]),
        Case(name: "expired entry's rule is revoked",
             entries: [F.entry("203.0.113.10/32", expiresIn: -1)], groups: [F.group([F.owned("sgr-1", "203.0.113.10/32")])],
             expected: ["-sgr-1:expired"]),
        Case(name: "entry expiring exactly now counts as expired",
             entries: [F.entry("203.0.113.10/32", expiresIn: 0)], groups: [F.group([F.owned("sgr-1", "203.0.113.10/32")])],
             expected: ["-sgr-1:expired"]),
        Case(name: "rule on a port the group no longer opens is revoked",
             entries: [F.entry("203.0.113.10/32")], groups: [F.group(ports: [22], [F.owned("sgr-1", "203.0.113.10/32", port: 443)])],
             expected: ["+203.0.113.10/32:22", "-sgr-1:port no longer managed"]),
        Case(name: "owned rule of a policy-breaking entry is revoked",
             entries: [F.entry("10.0.0.0/8")], groups: [F.group([F.owned("sgr-1", "10.0.0.0/8")])],
             expected: ["-sgr-1:removed from desired state"]),
        Case(name: "owned rule with no entry is revoked",
             entries: [], groups: [F.group([F.owned("sgr-1", "198.51.100.0/24")])],
             expected: ["-sgr-1:removed from desired state"]),
        Case(name: "unowned rule is never planned",
             entries: [], groups: [F.group([F.unowned("sgr-9", "198.51.100.0/24")])],
             expected: [], driftKinds: [.unmanagedRule]),
        Case(name: "unowned world-open rule is critical drift and never removed",
             entries: [], groups: [F.group([F.unowned("sgr-9", "0.0.0.0/0")])],
             expected: [], driftKinds: [.worldOpenRule]),
        Case(name: "unowned rule wider than policy allows any entry is critical drift",
             entries: [], groups: [F.group([F.unowned("sgr-9", "10.0.0.0/8")])],
             expected: [], driftKinds: [.ruleWiderThanPolicy]),
        Case(name: "rule owned by another Steward is not ours",
             entries: [],
             groups: [F.group([ObservedRule(ruleID: "sgr-5", ports: PortRange(443), source: .cidr(F.cidr("198.51.100.0/24")),
                                            tags: ["steward:owner": "other-team"])])],
             expected: [], driftKinds: [.unmanagedRule]),
        Case(name: "expired entry with no rule plans nothing",
             entries: [F.entry("203.0.113.10/32", expiresIn: -60)], groups: [F.group()], expected: []),
        Case(name: "permanent entry is not authorized when policy forbids it",
             entries: [F.entry("203.0.113.10/32", expiresIn: nil)], groups: [F.group()], expected: []),
        Case(name: "IPv6 entry",
             entries: [F.entry("2001:db8::/64")], groups: [F.group()], expected: ["+2001:db8::/64:443"]),
    ]

    @Test(arguments: cases)
    func plans(_ row: Case) {
        let plan = planner.plan(desired: F.desired(row.entries), observed: row.groups, policy: .default, now: F.now)
        var actual: [String] = []
        for group in plan.groups {
            actual += group.authorize.map { "+\($0.cidr):\($0.ports)" }
            actual += group.revoke.map { "-\($0.ruleID):\($0.reason.rawValue)" }
            actual += group.updateDescriptions.map { "~\($0.ruleID)" }
        }
        #expect(actual.sorted() == row.expected.sorted())
        #expect(plan.drift.map(\.kind).sorted { $0.rawValue < $1.rawValue } == row.driftKinds.sorted { $0.rawValue < $1.rawValue })
        #expect(plan.hasChanges == !row.expected.isEmpty)
    }

    @Test func worldOpenDriftIsCritical() {
        let plan = planner.plan(desired: F.desired([]), observed: [F.group([F.unowned("sgr-9", "::/0")])], policy: .default, now: F.now)
        #expect(plan.drift.first?.severity == .critical)
        #expect(plan.drift.first?.message.contains("never removes it") == true)
    }

    @Test func policyBreakingEntryIsExplainedAsAWarning() {
        let plan = planner.plan(desired: F.desired([F.entry("10.0.0.0/8")]), observed: [F.group()], policy: .default, now: F.now)
        #expect(plan.warnings == ["10.0.0.0/8 not granted: 10.0.0.0/8 is wider than policy allows (/24 or narrower for IPv4); "
            + "whitelist the specific addresses, or raise policy.minimum_prefix_length_ipv4"])
    }

    @Test func grantsCarryDescriptionAndExpiry() {
        let entry = F.entry("203.0.113.10/32", "John office IP")
        let plan = planner.plan(desired: F.desired([entry]), observed: [F.group()], policy: .default, now: F.now)
        let grant = plan.groups[0].authorize[0]
        #expect(grant.description == "John office IP")
        #expect(grant.expiresAt == entry.expiresAt)
        #expect(grant.reason == .newEntry)
    }

    @Test func everyGroupIsPlannedInIdOrder() {
        let plan = planner.plan(desired: F.desired([F.entry("203.0.113.10/32")]),
                                observed: [F.group(id: "sg-b"), F.group(id: "sg-a")], policy: .default, now: F.now)
        #expect(plan.groups.map(\.groupID) == ["sg-a", "sg-b"])
        #expect(plan.authorizeCount == 2)
    }
}
