import Foundation
import StewardCore
import Testing

/// What a plan would correct, as findings with their severity: one row per kind of change.
@Suite struct DriftPlannedChangeTests {
    typealias F = DriftFixture

    static func observation(_ build: (inout ReconcileReport) -> Void, dailyCost: [EnvironmentName: [String: Double]] = [:]) -> DriftObservation {
        var report = ReconcileReport(startedAt: F.t0)
        report.environments = [F.dev]
        build(&report)
        return DriftObservation(report: report, dailyCost: dailyCost)
    }

    static func rule(_ id: String, _ cidr: String) -> ObservedRule {
        ObservedRule(ruleID: id, ports: PortRange(443), source: .cidr(try! CIDR(cidr)), tags: ["steward:owner": "steward"])
    }

    @Test func whitelistRevokesAndGrants() throws {
        let observation = Self.observation { report in
            report.plans = [WhitelistPlan(environment: F.dev, groups: [SecurityGroupPlan(
                groupID: "sg-1", groupName: "web",
                authorize: [RuleGrant(cidr: try! CIDR("203.0.113.9/32"), networkProtocol: .tcp, ports: PortRange(443), description: "new",
                                      expiresAt: nil, reason: .newEntry)],
                revoke: [RuleRevocation(rule: Self.rule("sgr-1", "203.0.113.1/32"), reason: .expired),
                         RuleRevocation(rule: Self.rule("sgr-2", "203.0.113.2/32"), reason: .removed)])])]
        }
        let byKind = Dictionary(grouping: observation.items, by: \.kind)
        #expect(byKind[.expiredEntryGranted]?.map(\.severity) == [.critical])
        #expect(byKind[.expiredEntryGranted]?.first?.resource == .securityGroupRule(groupID: "sg-1", ruleID: "sgr-1"))
        #expect(byKind[.ownedRuleNotDesired]?.map(\.severity) == [.low])
        #expect(byKind[.entryNotGranted]?.first?.message.contains("203.0.113.9/32") == true)
    }

    @Test func prefixListChangesAreOneFindingPerListAndKind() {
        let observation = Self.observation { report in
            report.prefixListPlans = [PrefixListPlan(environment: F.dev, lists: [PrefixListChange(
                family: .ipv4, name: "steward-dev-ipv4", listID: "pl-1", observedVersion: 1, observedMaxEntries: 10, maxEntries: nil, target: [],
                remove: [PrefixListEntryChange(cidr: try! CIDR("203.0.113.1/32"), description: "a", reason: .expired),
                         PrefixListEntryChange(cidr: try! CIDR("203.0.113.2/32"), description: "b", reason: .expired)])])]
        }
        #expect(observation.items.count == 1)
        #expect(observation.items.first?.kind == .expiredEntryGranted && observation.items.first?.severity == .critical)
        #expect(observation.items.first?.id == "expired-entry-granted:prefix-list:pl-1")
        #expect(observation.items.first?.message.contains("203.0.113.1/32, 203.0.113.2/32") == true)
    }

    @Test func tierRunningWhereStoppedIsHighWithItsDailyCost() {
        let api = TierResource.service(cluster: "dev", name: "api", arn: "arn:api")
        let observation = Self.observation({ report in
            report.tierPlans = [TierPlan(environment: F.dev, tier: .stopped, steps: [
                TierStep(.saveServiceState(api, SavedServiceState(desiredCount: 3)), reason: "bookkeeping"),
                TierStep(.scaleService(api, desiredCount: 0), reason: "tier stopped"),
            ])]
        }, dailyCost: [F.dev: ["ecs:dev/api": 2.9616]])
        #expect(observation.items.count == 1, "bookkeeping steps are not findings")
        let item = observation.items.first
        #expect(item?.kind == .tierNotAsDesired && item?.severity == .high)
        #expect(item?.message.hasSuffix("running costs about $2.96/day") == true, "\(item?.message ?? "")")

        let starting = Self.observation { report in
            report.tierPlans = [TierPlan(environment: F.dev, tier: .running, steps: [TierStep(.scaleService(api, desiredCount: 3), reason: "tier running")])]
        }
        #expect(starting.items.first?.severity == .low, "stopped where running is wanted costs nothing")
    }

    @Test func bastionWithoutLeaseIsHighWhileUp() {
        let observation = Self.observation { report in
            report.bastionPlans = [BastionPlan(environment: F.dev, terminate: [
                BastionTermination(instanceID: "i-1", state: .running, reason: .leaseExpired),
                BastionTermination(instanceID: "i-2", state: .stopped, reason: .stopped),
            ])]
        }
        let severities = Dictionary(uniqueKeysWithValues: observation.items.map { ($0.resource.id, $0.severity) })
        #expect(severities == ["i-1": .high, "i-2": .low])
    }

    @Test func aPassThatAppliedCountsNoPlannedChange() {
        var report = ReconcileReport(startedAt: F.t0)
        report.environments = [F.dev]
        report.bastionPlans = [BastionPlan(environment: F.dev, terminate: [BastionTermination(instanceID: "i-1", state: .running, reason: .leaseExpired)])]
        #expect(DriftObservation(report: report, plannedChanges: false).items.isEmpty)
    }
}
