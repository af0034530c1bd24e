import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// The executor against moto: a refused batch is split until the bad item stands alone,
/// "already there" counts as converged, and one failing group doesn't stop the others.
@Suite(.serialized) struct WhitelistExecutorTests {
    static func grant(_ cidr: String, _ description: String = "entry") -> RuleGrant {
        RuleGrant(cidr: try! CIDR(cidr), networkProtocol: .tcp, ports: .https, description: description, expiresAt: nil, reason: .newEntry)
    }

    @Test func aBatchWithAnExistingRuleIsSplitAndTheRestStillApplied() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "198.51.100.32/28")
            let cidrs = (0..<6).map { "198.51.100.\($0 * 16)/28" }
            try await world.moto.startRecording()
            let executor = WhitelistExecutor(ec2: world.ec2, ownerID: "steward")
            let plan = WhitelistPlan(environment: try EnvironmentName("dev"), groups: [
                SecurityGroupPlan(groupID: web, groupName: "web", authorize: cidrs.map { Self.grant($0) }),
            ])
            let results = await executor.execute(plan)
            let actions = MotoRecording.actions(try await world.moto.downloadRecording())
            try await world.moto.stopRecording()

            let outcomes = Dictionary(uniqueKeysWithValues: results.map { ($0.target.subject.split(separator: " ")[0], $0.outcome) })
            #expect(outcomes["198.51.100.32/28"] == .converged, "the duplicate is pinned on its own item")
            // moto (unlike AWS) keeps the rules of a refused batch that came before the duplicate;
            // re-sent in the halves, those come back Duplicate too and count as converged.
            #expect(results.filter { $0.outcome == .applied }.count >= 1)
            #expect(results.count == 6)
            #expect(results.allSatisfy { $0.outcome != .failed })
            let authorizeCalls = actions.filter { $0 == "AuthorizeSecurityGroupIngress" }.count
            #expect(authorizeCalls > 1 && authorizeCalls <= 1 + 2 * 3, "split in halves: \(authorizeCalls) calls")
            let rules = try await world.rules(web)
            #expect(Set(rules.map(\.cidr)) == Set(cidrs))
            #expect(rules.count == 6, "no duplicate rule")
        }
    }

    @Test func revokingARuleThatIsAlreadyGoneCountsAsConverged() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400), ("198.51.100.0/24", "Office", 86_400)])
            _ = await world.reconciler().reconcile()
            let rules = try await world.rules(web)
            let executor = WhitelistExecutor(ec2: world.ec2, ownerID: "steward")
            let revokeAll = WhitelistPlan(environment: try EnvironmentName("dev"), groups: [
                SecurityGroupPlan(groupID: web, groupName: "web", revoke: rules.map {
                    RuleRevocation(rule: ObservedRule(ruleID: $0.ruleID, ports: .https, source: .cidr(try! CIDR($0.cidr))), reason: .removed)
                } + [RuleRevocation(rule: ObservedRule(ruleID: "sgr-00000000000000000", ports: .https, source: .cidr(try! CIDR("192.0.2.9/32"))), reason: .removed)]),
            ])
            let results = await executor.execute(revokeAll)
            #expect(results.filter { $0.outcome == .applied }.count == 2)
            #expect(results.allSatisfy { $0.outcome != .failed }, "\(results)")
            #expect(try await world.rules(web).isEmpty)
        }
    }

    @Test func oneFailingGroupDoesNotStopTheOthers() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let executor = WhitelistExecutor(ec2: world.ec2, ownerID: "steward")
            let plan = WhitelistPlan(environment: try EnvironmentName("dev"), groups: [
                SecurityGroupPlan(groupID: "sg-0000000000000dead", groupName: "gone", authorize: [Self.grant("203.0.113.10/32")]),
                SecurityGroupPlan(groupID: web, groupName: "web", authorize: [Self.grant("203.0.113.10/32")]),
            ])
            let results = await executor.execute(plan)
            #expect(results.first { $0.resource == .securityGroup(id: "sg-0000000000000dead") }?.outcome == .failed)
            #expect(results.first { $0.resource == .securityGroup(id: "sg-0000000000000dead") }?.message?.contains("InvalidGroup.NotFound") == true)
            #expect(results.first { $0.resource == .securityGroup(id: web) }?.outcome == .applied)
            #expect(try await world.rules(web).map(\.cidr) == ["203.0.113.10/32"])
        }
    }

    @Test func aDryRunMakesNoMutatingCall() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400)])
            try await world.moto.startRecording()
            let report = await world.reconciler().reconcile(ReconcileOptions(dryRun: true))
            let actions = MotoRecording.actions(try await world.moto.downloadRecording())
            try await world.moto.stopRecording()
            #expect(report.hasChanges)
            #expect(report.results.isEmpty)
            #expect(actions == ["DescribeSecurityGroups", "DescribeSecurityGroupRules"])
            #expect(try await world.rules(web).isEmpty)
            #expect(try world.auditLines().isEmpty)
        }
    }
}
