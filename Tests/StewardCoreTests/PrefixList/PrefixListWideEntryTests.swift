import Foundation
import StewardCore
import Testing

/// In prefix-list mode a network wider than policy allows is the same critical finding as a
/// hand-made wide rule on a group: an entry in Steward's list, or an unowned rule beside it.
@Suite struct PrefixListWideEntryTests {
    typealias F = Fixture
    typealias P = PrefixListPlannerTests

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var entries: [WhitelistEntry] = [F.entry("203.0.113.10/32", "John")]
        var listEntries: [String: String]
        var family: AddressFamily = .ipv4
        var otherRules: [ObservedRule] = []
        var upsertOnly = false
        /// Findings as `kind severity resource-id`, sorted.
        var expected: [String]
        var message: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a /8 added to the list by hand is critical",
             listEntries: ["203.0.113.10/32": "John", "10.0.0.0/8": "by hand"],
             expected: ["rule-wider-than-policy critical pl-1"],
             message: "steward-dev-ipv4 holds entries wider than policy allows any entry to be: 10.0.0.0/8 (added by hand, or granted before policy was tightened); the next apply removes them"),
        Case(name: "an unwanted entry within policy stays low, beside the critical one",
             listEntries: ["203.0.113.10/32": "John", "10.0.0.0/8": "by hand", "192.0.2.7/32": "by hand"],
             expected: ["owned-rule-not-desired low pl-1", "rule-wider-than-policy critical pl-1"]),
        Case(name: "the policy's own limit (/24) is not wider", listEntries: ["203.0.113.10/32": "John", "198.51.100.0/24": "by hand"],
             expected: ["owned-rule-not-desired low pl-1"]),
        Case(name: "IPv6 wider than /48 is critical", entries: [F.entry("2001:db8::/64", "v6")],
             listEntries: ["2001:db8::/64": "v6", "2001:db8::/32": "by hand"], family: .ipv6,
             expected: ["rule-wider-than-policy critical pl-1"]),
        Case(name: "still critical when upsert-only holds the removal back",
             listEntries: ["203.0.113.10/32": "John", "10.0.0.0/8": "by hand"], upsertOnly: true,
             expected: ["rule-wider-than-policy critical pl-1"],
             message: "steward-dev-ipv4 holds entries wider than policy allows any entry to be: 10.0.0.0/8 (added by hand, or granted before policy was tightened); a guard holds their removal back — review them by hand"),
        Case(name: "an unowned wide CIDR rule on a prefix-list-mode group is critical too",
             listEntries: ["203.0.113.10/32": "John"], otherRules: [F.unowned("sgr-9", "10.1.0.0/16")],
             expected: ["rule-wider-than-policy critical sg-1/sgr-9"]),
        Case(name: "a list in step is no finding", listEntries: ["203.0.113.10/32": "John"], expected: []),
    ]

    @Test(arguments: cases) func findings(_ row: Case) {
        let lists = [P.list("pl-1", family: row.family, row.listEntries)]
        let group = F.group([P.ownedReference("sgr-1", "pl-1")] + row.otherRules)
        var plan = PrefixListPlanner.plan(desired: F.desired(row.entries), observedLists: lists, groups: [group], policy: .default,
                                          ownerID: F.owner, now: F.now)
        if row.upsertOnly {
            _ = plan.applyGuards(failedRead: false, upsertOnly: true, revokeBudget: .default, force: false, ownerID: F.owner,
                                 observedLists: lists, groups: [group])
        }
        var report = ReconcileReport(startedAt: F.now)
        report.environments = [F.env]
        report.prefixListPlans = [plan]
        let items = DriftObservation(report: report).items
        #expect(items.map { "\($0.kind.rawValue) \($0.severity.rawValue) \($0.resource.id)" }.sorted() == row.expected)
        if let message = row.message {
            #expect(items.first { $0.kind == .ruleWiderThanPolicy }?.message == message)
        }
    }

    /// Steward removes a wide entry from its own list, so its going away is not "someone
    /// else" by kind, as it is for a hand-made wide rule Steward never touches.
    @Test func whoFixedAWideEntry() {
        let entry = DriftItem(kind: .ruleWiderThanPolicy, severity: .critical, environment: F.env, resource: .prefixList(id: "pl-1"), message: "wide")
        let rule = DriftItem(kind: .ruleWiderThanPolicy, severity: .critical, environment: F.env,
                             resource: .securityGroupRule(groupID: "sg-1", ruleID: "sgr-9"), message: "wide")
        #expect(DriftFixer.implied(by: entry) == nil)
        #expect(DriftFixer.implied(by: rule) == .someoneElse)
        var history = DriftHistory()
        _ = history.update(observed: [entry, rule], covered: [F.env], now: F.now)
        let resolved = history.update(observed: [], covered: [F.env], stewardActed: ["pl-1"], now: F.now.addingTimeInterval(60))
        #expect(resolved.first { $0.resource == .prefixList(id: "pl-1") }?.fixedBy == .steward)
        #expect(resolved.first { $0.resource.type == "security-group-rule" }?.fixedBy == .someoneElse)
    }
}
