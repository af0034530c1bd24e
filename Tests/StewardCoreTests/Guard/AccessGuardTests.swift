import Foundation
import StewardCore
import Testing

/// The access guards, one table each: data in (a plan and the facts the guard weighs), data out
/// (the plan cut down, what was held, the refusal). No AWS.
@Suite struct AccessGuardTests {
    typealias F = Fixture

    /// One group: a new grant, an expired entry's rule, a removed entry's rule, a stale description.
    static func plan() -> WhitelistPlan {
        let desired = F.desired([
            F.entry("203.0.113.10/32", "new"), F.entry("198.51.100.0/24", "Berlin office"), F.entry("192.0.2.0/24", "gone", expiresIn: -60),
        ])
        let group = F.group([F.owned("sgr-1", "198.51.100.0/24", description: "Berlin"), F.owned("sgr-2", "192.0.2.0/24"), F.owned("sgr-3", "10.1.0.0/24")])
        return WhitelistPlanner(ownerID: F.owner).plan(desired: desired, observed: [group], policy: .default, now: F.now)
    }

    static func lines(_ plan: WhitelistPlan) -> [String] {
        plan.groups.flatMap { group in
            group.authorize.map { "+\($0.cidr)" } + group.revoke.map { "-\($0.ruleID) (\($0.reason.rawValue))" } + group.updateDescriptions.map { "~\($0.ruleID)" }
        }
    }

    @Test func thePlanTheGuardsStartFrom() {
        #expect(Self.lines(Self.plan()) == ["+203.0.113.10/32", "-sgr-2 (expired)", "-sgr-3 (removed from desired state)", "~sgr-1"])
    }

    struct Row: Sendable, CustomStringConvertible {
        var name: String
        var guardUnderTest: @Sendable () -> any PlanGuard<WhitelistPlan>
        var kept: [String]
        var held: Int
        var refusal: GuardName?
        var description: String { name }
    }

    static let rows: [Row] = [
        Row(name: "readable desired state: everything goes", guardUnderTest: { UnreadableDesiredStateGuard<WhitelistPlan>(isUnreadable: false) },
            kept: ["+203.0.113.10/32", "-sgr-2 (expired)", "-sgr-3 (removed from desired state)", "~sgr-1"], held: 0, refusal: nil),
        Row(name: "unreadable: only the known expiry is revoked", guardUnderTest: { UnreadableDesiredStateGuard<WhitelistPlan>(isUnreadable: true) },
            kept: ["-sgr-2 (expired)"], held: 3, refusal: nil),
        Row(name: "upsert-only: grants and updates, no revokes, said once", guardUnderTest: { UpsertOnlyGuard<WhitelistPlan>(isEnabled: true) },
            kept: ["+203.0.113.10/32", "~sgr-1"], held: 2, refusal: .upsertOnly),
        Row(name: "upsert-only off", guardUnderTest: { UpsertOnlyGuard<WhitelistPlan>(isEnabled: false) },
            kept: ["+203.0.113.10/32", "-sgr-2 (expired)", "-sgr-3 (removed from desired state)", "~sgr-1"], held: 0, refusal: nil),
        Row(name: "budget: 2 revokes are never over it",
            guardUnderTest: { RevokeBudgetGuard<WhitelistPlan>(budget: .default, ownedCount: 3, force: false) },
            kept: ["+203.0.113.10/32", "-sgr-2 (expired)", "-sgr-3 (removed from desired state)", "~sgr-1"], held: 0, refusal: nil),
        Row(name: "budget: 2 of 3 over a budget of one rule holds every revoke",
            guardUnderTest: { RevokeBudgetGuard<WhitelistPlan>(budget: RevokeBudget(maximumRules: 1, maximumFraction: 0.5), ownedCount: 3, force: false) },
            kept: ["+203.0.113.10/32", "~sgr-1"], held: 2, refusal: .revokeBudget),
        Row(name: "budget: --force lets it through",
            guardUnderTest: { RevokeBudgetGuard<WhitelistPlan>(budget: RevokeBudget(maximumRules: 1, maximumFraction: 0.5), ownedCount: 3, force: true) },
            kept: ["+203.0.113.10/32", "-sgr-2 (expired)", "-sgr-3 (removed from desired state)", "~sgr-1"], held: 0, refusal: nil),
    ]

    @Test(arguments: rows) func guardsTheTableRow(_ row: Row) {
        var plan = Self.plan()
        let verdict = row.guardUnderTest().apply(to: &plan)
        #expect(Self.lines(plan) == row.kept)
        #expect(verdict.held.count == row.held)
        #expect(verdict.held.allSatisfy { $0.outcome == .refused && $0.environment == F.env })
        #expect(verdict.refusals.map(\.guardName) == (row.refusal.map { [$0] } ?? []))
        #expect(verdict.refusals.allSatisfy { $0.environment == F.env })
    }

    @Test func theBudgetFractionCountsOnlyPastTwoRevokes() {
        let budget = RevokeBudget(maximumRules: 10, maximumFraction: 0.5)
        #expect(budget.refusal(removals: 2, owned: 2, environment: F.env, wording: .rules) == nil)
        #expect(budget.refusal(removals: 3, owned: 4, environment: F.env, wording: .rules)?.contains("3 of 4 owned rules (75%)") == true)
        #expect(budget.refusal(removals: 11, owned: 100, environment: F.env, wording: .rules)?.contains("over the budget of 10 per run") == true)
        #expect(budget.refusal(removals: 11, owned: 100, environment: F.env, wording: .prefixList)?.contains("(prefix-list mode)") == true)
        #expect(budget.refusal(removals: 0, owned: 0, environment: F.env, wording: .rules) == nil)
    }

    /// The chain applies its guards in order: once upsert-only has held the revokes, the budget
    /// has nothing left to weigh and says nothing.
    @Test func aChainWeighsWhatTheGuardsBeforeItLeft() {
        var plan = Self.plan()
        let verdict = GuardChain<WhitelistPlan>([
            UpsertOnlyGuard<WhitelistPlan>(isEnabled: true),
            RevokeBudgetGuard<WhitelistPlan>(budget: RevokeBudget(maximumRules: 1, maximumFraction: 0.5), ownedCount: 3, force: false),
        ]).apply(to: &plan)
        #expect(verdict.refusals.map(\.guardName) == [.upsertOnly])
        #expect(verdict.held.count == 2)
        #expect(Self.lines(plan) == ["+203.0.113.10/32", "~sgr-1"])
    }

    @Test func theRuleQuotaHoldsTheGrantsOfAFullGroupAndSaysWhatToDo() {
        let rules = (0..<59).map { F.unowned("sgr-\($0)", "10.0.\($0).0/24") }
        let desired = F.desired([F.entry("203.0.113.10/32"), F.entry("203.0.113.11/32")])
        let full = F.group(rules)
        var plan = WhitelistPlanner(ownerID: F.owner).plan(desired: desired, observed: [full], policy: .default, now: F.now)
        let verdict = RuleQuotaGuard(quota: RuleQuota(rulesPerGroup: 60), groups: [full]).apply(to: &plan)
        #expect(plan.authorizeCount == 0)
        #expect(verdict.held.count == 2)
        #expect(verdict.refusals.map(\.guardName) == [.ruleQuota])
        #expect(verdict.refusals.first?.message.contains("would hold 61 IPv4 inbound rules, over its quota of 60") == true)

        var roomy = WhitelistPlanner(ownerID: F.owner).plan(desired: desired, observed: [full], policy: .default, now: F.now)
        #expect(RuleQuotaGuard(quota: RuleQuota(rulesPerGroup: 61), groups: [full]).apply(to: &roomy) == .allowed)
        #expect(roomy.authorizeCount == 2)
    }
}
