import Foundation
import StewardCore
import Testing

/// One row per line of the table at the top of BastionPlanner.swift, then the launch itself.
@Suite struct BastionPlannerTests {
    typealias B = BastionFixture
    let planner = BastionPlanner(ownerID: B.owner)

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var desired: DesiredState
        var observed: [ObservedBastion]
        var failedRead = false
        var expected: [String]
        var drift: [String] = []
        var testDescription: String { name }
    }

    static let lease = B.lease()
    static let expired = B.lease(expiresIn: -1)

    static let cases: [Case] = [
        Case(name: "active lease without an instance launches", desired: B.desired(lease), observed: [], expected: ["+launch"]),
        Case(name: "active lease with its instance running plans nothing",
             desired: B.desired(lease), observed: [B.owned("i-1", lease: lease)], expected: []),
        Case(name: "a pending instance counts as existing and is waited for",
             desired: B.desired(lease), observed: [B.owned("i-1", .pending, lease: lease)], expected: ["…i-1"]),
        Case(name: "extended lease retags the instance's expiry",
             desired: B.desired(lease), observed: [B.owned("i-1", lease: B.lease(expiresIn: 3600))], expected: ["~i-1"]),
        Case(name: "an instance without lease tags is retagged",
             desired: B.desired(lease), observed: [B.owned("i-1")], expected: ["~i-1"]),
        Case(name: "extra instances are terminated, the first launched is kept",
             desired: B.desired(lease),
             observed: [B.owned("i-3", launchedAgo: 60, lease: lease), B.owned("i-1", launchedAgo: 900, lease: lease), B.owned("i-2", launchedAgo: 300, lease: lease)],
             expected: ["-i-2:more bastions than leases", "-i-3:more bastions than leases"]),
        Case(name: "launch-time ties keep the lowest id",
             desired: B.desired(lease), observed: [B.owned("i-b", lease: lease), B.owned("i-a", lease: lease)],
             expected: ["-i-b:more bastions than leases"]),
        Case(name: "a stopped owned bastion is terminated and replaced",
             desired: B.desired(lease), observed: [B.owned("i-1", .stopped, lease: lease)],
             expected: ["+launch", "-i-1:stopped outside Steward"]),
        Case(name: "a stopping owned bastion is terminated and replaced",
             desired: B.desired(lease), observed: [B.owned("i-1", .stopping, lease: lease)],
             expected: ["+launch", "-i-1:stopped outside Steward"]),
        Case(name: "a stopped one beside a running one: terminate it, no launch",
             desired: B.desired(lease), observed: [B.owned("i-1", .stopped, launchedAgo: 900, lease: lease), B.owned("i-2", lease: lease)],
             expected: ["-i-1:stopped outside Steward"]),
        Case(name: "expired lease terminates its bastion",
             desired: B.desired(expired), observed: [B.owned("i-1", lease: expired)], expected: ["-i-1:lease expired"]),
        Case(name: "lease expiring exactly now counts as expired",
             desired: B.desired(B.lease(expiresIn: 0)), observed: [B.owned("i-1")], expected: ["-i-1:lease expired"]),
        Case(name: "no lease terminates every owned instance, stopped ones too",
             desired: B.desired(nil), observed: [B.owned("i-1"), B.owned("i-2", .stopped), B.owned("i-3", .pending)],
             expected: ["-i-1:no lease in desired state", "-i-2:no lease in desired state", "-i-3:no lease in desired state"]),
        Case(name: "tier stopped terminates and never launches",
             desired: B.desired(lease, tier: .stopped), observed: [B.owned("i-1", lease: lease)], expected: ["-i-1:environment not running"]),
        Case(name: "tier torn down with no instance plans nothing",
             desired: B.desired(lease, tier: .tornDown), observed: [], expected: []),
        Case(name: "gone instances count for nothing",
             desired: B.desired(lease), observed: [B.owned("i-1", .terminated), B.owned("i-2", .shuttingDown)], expected: ["+launch"]),
        Case(name: "an unowned bastion is drift and never touched, even with no lease",
             desired: B.desired(nil), observed: [B.unowned("i-9")], expected: [], drift: ["high i-9"]),
        Case(name: "an unowned bastion doesn't satisfy a lease",
             desired: B.desired(lease), observed: [B.unowned("i-9")], expected: ["+launch"], drift: ["high i-9"]),
        Case(name: "another Steward's bastion is informational drift",
             desired: B.desired(nil), observed: [B.unowned("i-8", ownerTag: "other-steward")], expected: [], drift: ["low i-8"]),
        Case(name: "unreadable: a lease known expired still ends",
             desired: B.desired(expired), observed: [B.owned("i-1")], failedRead: true, expected: ["-i-1:lease expired"]),
        Case(name: "unreadable: no launch",
             desired: B.desired(lease), observed: [], failedRead: true, expected: ["held+launch"]),
        Case(name: "unreadable: no termination on a guess",
             desired: B.desired(nil), observed: [B.owned("i-1")], failedRead: true, expected: ["held-i-1"]),
        Case(name: "unreadable: no retag, extras held",
             desired: B.desired(lease), observed: [B.owned("i-1", launchedAgo: 900), B.owned("i-2")], failedRead: true, expected: ["held-i-2"]),
    ]

    @Test(arguments: cases) func plansPerTable(_ row: Case) {
        let plan = planner.plan(desired: row.desired, observed: row.observed, launchTemplate: B.template, failedRead: row.failedRead, now: B.now)
        #expect(B.summary(plan) == row.expected)
        #expect(plan.drift.map { "\($0.severity.rawValue) \($0.resource.id)" } == row.drift)
        #expect(plan.hasChanges == row.expected.contains { $0.hasPrefix("+") || $0.hasPrefix("-") || $0.hasPrefix("~") })
        #expect(plan.refusals.isEmpty != row.expected.contains { $0.hasPrefix("held") })
        #expect(plan.heldResults.allSatisfy { $0.outcome == .refused })
        #expect(plan.heldResults.count == row.expected.filter { $0.hasPrefix("held") }.count)
    }

    @Test func launchCarriesTheTemplateTagsAndADeterministicToken() throws {
        let lease = Self.lease
        let launch = try #require(planner.plan(desired: B.desired(lease), observed: [], launchTemplate: "dev-bastion", now: B.now).launch)
        #expect(launch.launchTemplate == "dev-bastion")
        #expect(launch.tags == [
            "Environment": "dev", "Role": "bastion", "steward:owner": "steward",
            "steward:lease-requested-by": "U0123", "Name": "dev-bastion",
        ])
        #expect(launch.leaseTags == ["steward:lease-expires-at": Timestamp.text(lease.expiresAt), "steward:lease-requested-by": "U0123"])
        #expect(launch.tags["steward:lease-expires-at"] == nil, "RunInstances parameters must not change when the lease is extended")
        #expect(launch.clientToken.count <= 64)
        #expect(launch.clientToken.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        #expect(launch.clientToken.hasSuffix("-0"))
        let again = planner.plan(desired: B.desired(lease), observed: [], launchTemplate: "dev-bastion", now: B.now.addingTimeInterval(600)).launch
        #expect(again?.clientToken == launch.clientToken, "a re-run plans the same token")
    }

    @Test func configuredEnvironmentTagIsUsed() throws {
        let planner = BastionPlanner(ownerID: "ops", environmentTagKey: "env")
        let launch = try #require(planner.plan(desired: B.desired(Self.lease), observed: [], launchTemplate: "t", now: B.now).launch)
        #expect(launch.tags["env"] == "dev")
        #expect(launch.tags["Environment"] == nil)
        #expect(launch.tags["steward:owner"] == "ops")
    }

    @Test func tokenChangesWithTheLeaseButNotWithExtend() {
        let base = B.lease()
        let key = BastionLaunchToken(ownerID: "steward", environment: B.env, lease: base)
        var extended = base
        extended.expiresAt += 3 * 3600
        #expect(BastionLaunchToken(ownerID: "steward", environment: B.env, lease: extended) == key)
        var subSecond = base
        subSecond.requestedAt = base.requestedAt.map { $0.addingTimeInterval(0.4) }
        #expect(BastionLaunchToken(ownerID: "steward", environment: B.env, lease: subSecond) == key, "YAML keeps whole seconds")

        let others = [
            BastionLaunchToken(ownerID: "steward", environment: B.env, lease: B.lease(requestedAgo: 3600)),
            BastionLaunchToken(ownerID: "steward", environment: B.env, lease: B.lease(by: "U0999")),
            BastionLaunchToken(ownerID: "other", environment: B.env, lease: base),
            BastionLaunchToken(ownerID: "steward", environment: try! EnvironmentName("staging"), lease: base),
        ]
        #expect(others.allSatisfy { $0 != key })
        #expect(Set(others.map(\.leaseKey)).count == others.count)
        #expect(key.clientToken(generation: 0) != key.clientToken(generation: 1))
        #expect(key.clientToken(generation: BastionLaunchToken.maximumGenerations - 1).count <= 64)
    }

    @Test func handWrittenLeaseWithoutStartAnchorsOnExpiry() {
        let lease = BastionLease(requestedBy: "U0123", requestedAt: nil, expiresAt: B.now.addingTimeInterval(3600))
        let a = BastionLaunchToken(ownerID: "steward", environment: B.env, lease: lease)
        let b = BastionLaunchToken(ownerID: "steward", environment: B.env, lease: lease)
        #expect(a == b)
        #expect(a.leaseKey.count == 48)
    }
}
