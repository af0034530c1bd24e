import Foundation
import StewardCore
import Testing

/// The prefix-list planner's table (top of PrefixListPlanner.swift), one row per case. Plans
/// are compared as short lines so a failure shows the whole difference at once.
@Suite struct PrefixListPlannerTests {
    typealias F = Fixture

    static func list(
        _ id: String, family: AddressFamily = .ipv4, max: Int = 10, version: Int = 1, owner: String = F.owner,
        name: String? = nil, _ entries: [String: String] = [:]
    ) -> ObservedPrefixList {
        ObservedPrefixList(
            id: id, name: name ?? PrefixListPlanner.listName(environment: F.env, family: family), family: family, version: version, maxEntries: max,
            entries: Dictionary(uniqueKeysWithValues: entries.map { (F.cidr($0.key), $0.value) }),
            tags: [StewardTag.owner: owner, StewardTag.ownedEnvironment: F.env.rawValue]
        )
    }

    static func ownedReference(_ id: String, _ list: String, port: UInt16 = 443) -> ObservedRule {
        ObservedRule(ruleID: id, ports: PortRange(port), source: .prefixList(list), tags: [StewardTag.owner: F.owner])
    }

    static func unownedReference(_ id: String, _ list: String, port: UInt16 = 443) -> ObservedRule {
        ObservedRule(ruleID: id, ports: PortRange(port), source: .prefixList(list))
    }

    /// The plan as lines: lists, then groups, then refusals.
    static func lines(_ plan: PrefixListPlan) -> [String] {
        var lines: [String] = []
        for list in plan.lists where !list.isEmpty {
            let id = list.listID ?? "new"
            if list.isCreate { lines.append("create \(list.name) max \(list.maxEntries ?? 0)") }
            if list.isGrow { lines.append("\(id) grow \(list.observedMaxEntries ?? 0)->\(list.maxEntries ?? 0)") }
            lines += list.add.map { "\(id) +\($0.cidr) \"\($0.description)\" (\($0.reason.rawValue))" }
            lines += list.remove.map { "\(id) -\($0.cidr) (\($0.reason.rawValue))" }
        }
        for group in plan.groups {
            lines += group.authorize.map { "\(group.groupID) +\($0.summary)" }
            lines += group.revoke.map { "\(group.groupID) -\($0.ruleID) (\($0.reason.rawValue))" }
        }
        lines += plan.refusals.map { "refused: " + $0.description.prefix(40) }
        return lines
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var entries: [WhitelistEntry]
        var lists: [ObservedPrefixList] = []
        var groups: [ObservedSecurityGroup] = [F.group()]
        var ruleQuota: Int = 60
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "nothing wanted, no list: nothing", entries: [], expected: []),
        Case(name: "first networks create the list and one reference per group and port",
             entries: [F.entry("203.0.113.10/32", "John"), F.entry("198.51.100.0/24", "Office")],
             groups: [F.group(id: "sg-1"), F.group(id: "sg-2", ports: [22, 8443])],
             expected: [
                 "create steward-dev-ipv4 max 10",
                 "new +198.51.100.0/24 \"Office\" (new entry)", "new +203.0.113.10/32 \"John\" (new entry)",
                 "sg-1 +(new ipv4 list) tcp/443", "sg-2 +(new ipv4 list) tcp/22", "sg-2 +(new ipv4 list) tcp/8443",
             ]),
        Case(name: "switching from rules mode moves owned rules into the list; expired and absent ones are revoked as such",
             entries: [F.entry("203.0.113.10/32", "John"), F.entry("192.0.2.0/24", "Old", expiresIn: -10)],
             groups: [F.group([F.owned("sgr-1", "203.0.113.10/32", description: "John"), F.owned("sgr-2", "192.0.2.0/24"),
                               F.owned("sgr-3", "198.18.0.0/15"), F.unowned("sgr-4", "10.1.0.0/16")])],
             expected: [
                 "create steward-dev-ipv4 max 10", "new +203.0.113.10/32 \"John\" (new entry)",
                 "sg-1 +(new ipv4 list) tcp/443", "sg-1 -sgr-1 (moved into prefix list)", "sg-1 -sgr-2 (expired)", "sg-1 -sgr-3 (removed from desired state)",
             ]),
        Case(name: "list and reference in step: nothing",
             entries: [F.entry("203.0.113.10/32", "John")],
             lists: [list("pl-1", ["203.0.113.10/32": "John"])],
             groups: [F.group([ownedReference("sgr-1", "pl-1")])],
             expected: []),
        Case(name: "adds, removals and description changes touch only the list",
             entries: [F.entry("203.0.113.10/32", "John at home"), F.entry("198.51.100.0/24", "Office"), F.entry("192.0.2.0/24", "Gone", expiresIn: -1)],
             lists: [list("pl-1", ["203.0.113.10/32": "John", "192.0.2.0/24": "Gone", "198.18.0.0/15": "Lab"])],
             groups: [F.group([ownedReference("sgr-1", "pl-1")])],
             expected: [
                 "pl-1 +198.51.100.0/24 \"Office\" (new entry)", "pl-1 +203.0.113.10/32 \"John at home\" (description changed)",
                 "pl-1 -192.0.2.0/24 (expired)", "pl-1 -198.18.0.0/15 (removed from desired state)",
             ]),
        Case(name: "more networks than max entries grow the list to the next step",
             entries: (0..<12).map { F.entry("198.51.100.\($0 * 16)/28", "n\($0)") },
             lists: [list("pl-1", max: 10, Dictionary(uniqueKeysWithValues: (0..<10).map { ("198.51.100.\($0 * 16)/28", "n\($0)") }))],
             groups: [F.group([ownedReference("sgr-1", "pl-1")])],
             expected: ["pl-1 grow 10->20", "pl-1 +198.51.100.160/28 \"n10\" (new entry)", "pl-1 +198.51.100.176/28 \"n11\" (new entry)"]),
        Case(name: "a family with nothing left is emptied and its references revoked; the list stays",
             entries: [F.entry("2001:db8::/64", "v6")],
             lists: [list("pl-4", ["203.0.113.10/32": "John"]), list("pl-6", family: .ipv6, ["2001:db8::/64": "v6"])],
             groups: [F.group([ownedReference("sgr-1", "pl-4"), ownedReference("sgr-2", "pl-6")])],
             expected: ["pl-4 -203.0.113.10/32 (removed from desired state)", "sg-1 -sgr-1 (prefix list no longer used)"]),
        Case(name: "both families: one list each, one reference per family and port",
             entries: [F.entry("203.0.113.10/32"), F.entry("2001:db8::/64")],
             groups: [F.group(ports: [22, 443])],
             expected: [
                 "create steward-dev-ipv4 max 10", "new +203.0.113.10/32 \"office\" (new entry)",
                 "create steward-dev-ipv6 max 10", "new +2001:db8::/64 \"office\" (new entry)",
                 "sg-1 +(new ipv4 list) tcp/22", "sg-1 +(new ipv4 list) tcp/443", "sg-1 +(new ipv6 list) tcp/22", "sg-1 +(new ipv6 list) tcp/443",
             ]),
        Case(name: "an unowned reference to the list counts; unowned rules and lists are never planned",
             entries: [F.entry("203.0.113.10/32", "John")],
             lists: [list("pl-1", ["203.0.113.10/32": "John"]), list("pl-9", owner: "someone-else", ["192.0.2.0/24": "theirs"])],
             groups: [F.group([unownedReference("sgr-1", "pl-1"), unownedReference("sgr-2", "pl-9"), F.unowned("sgr-3", "0.0.0.0/0")])],
             expected: []),
        Case(name: "owned references on a port the group no longer opens, or twice, are revoked",
             entries: [F.entry("203.0.113.10/32", "John")],
             lists: [list("pl-1", ["203.0.113.10/32": "John"])],
             groups: [F.group([ownedReference("sgr-1", "pl-1"), ownedReference("sgr-2", "pl-1", port: 8080), ownedReference("sgr-3", "pl-1")])],
             expected: ["sg-1 -sgr-2 (port no longer managed)", "sg-1 -sgr-3 (duplicate rule)"]),
        Case(name: "a second owned list of a family is left alone; Steward's references to it go",
             entries: [F.entry("203.0.113.10/32", "John")],
             lists: [list("pl-1", ["203.0.113.10/32": "John"]), list("pl-2", name: "copy", ["203.0.113.10/32": "John"])],
             groups: [F.group([ownedReference("sgr-1", "pl-1"), ownedReference("sgr-2", "pl-2")])],
             expected: ["sg-1 -sgr-2 (prefix list no longer used)"]),
        Case(name: "the rule quota caps the list: present entries stay, new ones fill in file order, the rest refused; their rules stay",
             entries: (0..<8).map { F.entry("198.51.100.\($0 * 16)/28", "n\($0)") },
             lists: [list("pl-1", max: 5, Dictionary(uniqueKeysWithValues: [3, 4].map { ("198.51.100.\($0 * 16)/28", "n\($0)") }))],
             groups: [F.group([ownedReference("sgr-1", "pl-1"), F.owned("sgr-2", "198.51.100.112/28", description: "n7")])],
             ruleQuota: 6,
             expected: [
                 "pl-1 grow 5->6",
                 "pl-1 +198.51.100.0/28 \"n0\" (new entry)", "pl-1 +198.51.100.16/28 \"n1\" (new entry)",
                 "pl-1 +198.51.100.32/28 \"n2\" (new entry)", "pl-1 +198.51.100.80/28 \"n5\" (new entry)",
                 "refused: dev: the ipv4 prefix list can hold 6 net",
             ]),
        Case(name: "an entry that breaks policy is not added",
             entries: [F.entry("0.0.0.0/0", "world"), F.entry("203.0.113.10/32", "John")],
             lists: [list("pl-1", ["203.0.113.10/32": "John"])],
             groups: [F.group([ownedReference("sgr-1", "pl-1")])],
             expected: []),
    ]

    @Test(arguments: cases) func plans(_ row: Case) {
        let plan = PrefixListPlanner.plan(
            desired: F.desired(row.entries), observedLists: row.lists, groups: row.groups, policy: .default,
            ownerID: F.owner, now: F.now, ruleQuota: row.ruleQuota
        )
        #expect(Self.lines(plan) == row.expected)
        #expect(plan.hasChanges == row.expected.contains { !$0.hasPrefix("refused") })
    }

    @Test func policyViolationsAndStraysAreWarned() {
        let plan = PrefixListPlanner.plan(
            desired: F.desired([F.entry("0.0.0.0/0", "world")]),
            observedLists: [Self.list("pl-1"), Self.list("pl-2", name: "copy")], groups: [F.group()],
            policy: .default, ownerID: F.owner, now: F.now
        )
        #expect(plan.warnings.contains { $0.hasPrefix("0.0.0.0/0 not granted") })
        #expect(plan.warnings.contains { $0.hasPrefix("pl-2 (copy) is a second ipv4 list") })
    }

    @Test func headroomIsTheNextStepAndTheCapHolds() {
        #expect(PrefixListPlanner.headroom(for: 0) == 10)
        #expect(PrefixListPlanner.headroom(for: 10) == 10)
        #expect(PrefixListPlanner.headroom(for: 11) == 20)
        let entries = (0..<1005).map { F.entry("10.\($0 / 256).\($0 % 256).0/24", "n") }
        let plan = PrefixListPlanner.plan(desired: F.desired(entries), observedLists: [], groups: [F.group()], policy: .default,
                                          ownerID: F.owner, now: F.now, ruleQuota: 2000)
        #expect(plan.lists.first?.maxEntries == 1000)
        #expect(plan.lists.first?.target.count == 1000)
        #expect(plan.refusals.count == 1)
    }

    @Test func movedRulesDontCountAgainstTheRevokeBudgetButRemovalsDo() {
        let entries = (0..<20).map { F.entry("198.51.100.\($0 * 8)/29", "n\($0)") }
        let rules = (0..<20).map { F.owned("sgr-\($0)", "198.51.100.\($0 * 8)/29", description: "n\($0)") }
        var plan = PrefixListPlanner.plan(desired: F.desired(entries), observedLists: [], groups: [F.group(rules)],
                                          policy: .default, ownerID: F.owner, now: F.now)
        let moved = plan.applyGuards(failedRead: false, upsertOnly: false, revokeBudget: .default, force: false, ownerID: F.owner,
                                     observedLists: [], groups: [F.group(rules)])
        #expect(moved.refusals.isEmpty)
        #expect(plan.revokeCount == 20)

        let full = Self.list("pl-1", max: 20, Dictionary(uniqueKeysWithValues: (0..<20).map { ("198.51.100.\($0 * 8)/29", "n\($0)") }))
        let group = F.group([Self.ownedReference("sgr-1", "pl-1")])
        var emptied = PrefixListPlanner.plan(desired: F.desired([]), observedLists: [full], groups: [group], policy: .default, ownerID: F.owner, now: F.now)
        let guarded = emptied.applyGuards(failedRead: false, upsertOnly: false, revokeBudget: .default, force: false, ownerID: F.owner,
                                          observedLists: [full], groups: [group])
        #expect(guarded.refusals.count == 1)
        #expect(emptied.entryRemoveCount == 0 && emptied.revokeCount == 0)
        #expect(guarded.held.allSatisfy { $0.outcome == .refused })
    }

    @Test func unreadableDesiredStateOnlyRemovesKnownExpiredEntries() {
        let lists = [Self.list("pl-1", ["203.0.113.10/32": "John", "192.0.2.0/24": "Old"])]
        let group = F.group([Self.ownedReference("sgr-1", "pl-1")])
        let desired = F.desired([F.entry("192.0.2.0/24", "Old", expiresIn: -1), F.entry("198.51.100.0/24", "New")])
        var plan = PrefixListPlanner.plan(desired: desired, observedLists: lists, groups: [group], policy: .default, ownerID: F.owner, now: F.now)
        _ = plan.applyGuards(failedRead: true, upsertOnly: false, revokeBudget: .default, force: false, ownerID: F.owner, observedLists: lists, groups: [group])
        #expect(Self.lines(plan) == ["pl-1 -192.0.2.0/24 (expired)"])
        #expect(plan.lists.first?.target.map(\.cidr.description) == ["203.0.113.10/32"])
    }

    @Test func upsertOnlyNeverTakesAccessAway() {
        let lists = [Self.list("pl-1", ["203.0.113.10/32": "John"])]
        let group = F.group([Self.ownedReference("sgr-1", "pl-1"), F.owned("sgr-2", "192.0.2.0/24")])
        var plan = PrefixListPlanner.plan(desired: F.desired([F.entry("198.51.100.0/24", "New")]), observedLists: lists, groups: [group],
                                          policy: .default, ownerID: F.owner, now: F.now)
        let guarded = plan.applyGuards(failedRead: false, upsertOnly: true, revokeBudget: .default, force: false, ownerID: F.owner, observedLists: lists, groups: [group])
        #expect(Self.lines(plan) == ["pl-1 +198.51.100.0/24 \"New\" (new entry)"])
        #expect(guarded.refusals.count == 1)
    }

    /// Back in rules mode, the rules planner revokes Steward's reference rules (owned rules
    /// without a network) and re-grants the networks one rule each.
    @Test func rulesModeRevokesOwnedReferences() {
        let group = F.group([Self.ownedReference("sgr-1", "pl-1"), Self.unownedReference("sgr-2", "pl-9")])
        let plan = WhitelistPlanner(ownerID: F.owner).plan(desired: F.desired([F.entry("203.0.113.10/32", "John")]), observed: [group], policy: .default, now: F.now)
        #expect(plan.groups.first?.revoke.map(\.ruleID) == ["sgr-1"])
        #expect(plan.groups.first?.authorize.map(\.cidr.description) == ["203.0.113.10/32"])
    }

    @Test func textRenderingReadsLikeAPlan() {
        let plan = PrefixListPlanner.plan(desired: F.desired([F.entry("203.0.113.10/32", "John")]), observedLists: [],
                                          groups: [F.group([F.owned("sgr-1", "203.0.113.10/32", description: "John")])],
                                          policy: .default, ownerID: F.owner, now: F.now)
        let text = PrefixListPlanTextRenderer.render([plan])
        #expect(text.contains("+ prefix list steward-dev-ipv4 ipv4, max entries 10"))
        #expect(text.contains("+ 203.0.113.10/32  \"John\"  (new entry, expires"))
        #expect(text.contains("+ (new ipv4 list) tcp/443"))
        #expect(text.contains("- 203.0.113.10/32 tcp/443  sgr-1  (moved into prefix list)"))
        #expect(text.hasSuffix("1 reference rules to authorize, 1 rules to revoke.\n"))
    }
}
