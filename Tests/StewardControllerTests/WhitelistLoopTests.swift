import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// The whitelist loop end to end against moto_server: Steward's real AWS client, outcomes
/// checked with boto3 (an independent client), never a mock of Steward's own code.
@Suite(.serialized) struct WhitelistLoopTests {
    @Test func newEntriesAreAuthorizedOnEveryManagedGroupAndPortWithOwnershipTags() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let ssh = try await world.managedGroup("ssh", ports: "22,8443")
            let untagged = try await world.createGroup("legacy", tags: ["Environment": "dev"])
            let otherEnv = try await world.managedGroup("web-staging", environment: "staging")
            try world.writeDesired("dev", [("203.0.113.10/32", "John office IP", 86_400), ("2001:db8::/64", "IPv6 office", 86_400)])

            let report = await world.reconciler().reconcile()
            #expect(report.failure == nil)
            #expect(report.results.count == 6)
            #expect(report.results.allSatisfy { $0.outcome == .applied })

            let webRules = try await world.rules(web)
            #expect(Set(webRules.map { "\($0.cidr):\($0.port)" }) == ["203.0.113.10/32:443", "2001:db8::/64:443"])
            #expect(webRules.allSatisfy { $0.tags["steward:owner"] == "steward" && $0.tags["steward:environment"] == "dev" })
            #expect(webRules.first { $0.cidr == "203.0.113.10/32" }?.description == "John office IP")
            let sshRules = try await world.rules(ssh)
            #expect(Set(sshRules.map { "\($0.cidr):\($0.port)" }) == ["203.0.113.10/32:22", "203.0.113.10/32:8443", "2001:db8::/64:22", "2001:db8::/64:8443"])
            #expect(try await world.rules(untagged).isEmpty)
            #expect(try await world.rules(otherEnv).isEmpty)
            #expect(try world.auditLines().count == 6)
        }
    }

    @Test func secondApplyPlansNothingAndMakesNoMutatingCall() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "192.0.2.200/32")
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400), ("198.51.100.0/24", "Office", 86_400)])
            _ = await world.reconciler().reconcile()

            try await world.moto.startRecording()
            let second = await world.reconciler().reconcile()
            let actions = MotoRecording.actions(try await world.moto.downloadRecording())
            try await world.moto.stopRecording()
            #expect(!second.hasChanges)
            #expect(second.results.isEmpty)
            #expect(actions == ["DescribeSecurityGroups", "DescribeSecurityGroupRules"], "only the two reads, no mutating call")
            #expect(try await world.rules(web).contains { $0.cidr == "192.0.2.200/32" && $0.tags.isEmpty })
        }
    }

    @Test func removalRevokesAndDescriptionChangeUpdatesInPlace() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "192.0.2.200/32")
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400), ("198.51.100.0/24", "Office", 86_400)])
            _ = await world.reconciler().reconcile()
            let before = try await world.rules(web)
            let officeRule = try #require(before.first { $0.cidr == "198.51.100.0/24" })

            try world.writeDesired("dev", [("198.51.100.0/24", "Office Berlin", 86_400)])
            let report = await world.reconciler().reconcile()
            #expect(report.results.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.revoke, .updateDescription])

            let after = try await world.rules(web)
            #expect(Set(after.map(\.cidr)) == ["198.51.100.0/24", "192.0.2.200/32"])
            let updated = try #require(after.first { $0.cidr == "198.51.100.0/24" })
            #expect(updated.description == "Office Berlin")
            #expect(updated.ruleID == officeRule.ruleID, "updated in place, not revoked and re-added")
        }
    }

    @Test func expiredEntriesAreRevokedAndNeverGranted() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try world.writeDesired("dev", [("203.0.113.10/32", "Soon", 30), ("198.51.100.0/24", "Already", -30)])
            let reconciler = world.reconciler()
            _ = await reconciler.reconcile()
            #expect(try await world.rules(web).map(\.cidr) == ["203.0.113.10/32"])
            world.clock = world.clock.addingTimeInterval(31)
            let report = await reconciler.reconcile()
            #expect(report.results.map(\.reason) == ["expired"])
            #expect(try await world.rules(web).isEmpty)
        }
    }

    @Test func unreadableDesiredStateOnlyRevokesEntriesKnownToHaveExpired() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try world.writeDesired("dev", [("203.0.113.10/32", "Expiring", 30), ("198.51.100.0/24", "Staying", 86_400)])
            let reconciler = world.reconciler()
            _ = await reconciler.reconcile()
            #expect(try await world.rules(web).count == 2)

            // Broken file: drops the staying entry and adds a new one, but is unreadable (unknown key).
            try world.writeDesired("dev", [("192.0.2.0/24", "New", 86_400)], extra: "colour: blue\n")
            world.clock = world.clock.addingTimeInterval(60)
            let report = await reconciler.reconcile()
            #expect(!report.desiredStateErrors.isEmpty)
            #expect(report.refusals.contains { $0.message.contains("only entries known to have expired are revoked") })
            #expect(report.nextExpiry == WhitelistWorld.start.addingTimeInterval(86_400), "the loop still wakes for the known entries' expiries")
            #expect(Set(try await world.rules(web).map(\.cidr)) == ["198.51.100.0/24"], "expired one revoked, nothing else touched")

            // A fresh process that never read the file successfully changes nothing at all.
            let fresh = world.reconciler()
            world.clock = world.clock.addingTimeInterval(86_400 * 2)
            let freshReport = await fresh.reconcile()
            #expect(freshReport.results.allSatisfy { $0.outcome != .applied })
            #expect(Set(try await world.rules(web).map(\.cidr)) == ["198.51.100.0/24"])
        }
    }

    @Test func revokeBudgetRefusesMassRevokesUnlessForced() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let entries = (0..<12).map { ("198.51.100.\($0 * 16)/28", "entry \($0)", 86_400.0) }
            try world.writeDesired("dev", entries)
            _ = await world.reconciler().reconcile()
            #expect(try await world.rules(web).count == 12)

            try world.writeDesired("dev", [])
            let refused = await world.reconciler().reconcile()
            #expect(refused.refusals.contains { $0.message.contains("over the budget of 10 per run") && $0.message.contains("--force") })
            #expect(refused.results.filter { $0.outcome == .refused }.count == 12)
            #expect(try await world.rules(web).count == 12)

            let forced = await world.reconciler().reconcile(ReconcileOptions(force: true))
            #expect(forced.results.filter { $0.outcome == .applied }.count == 12)
            #expect(try await world.rules(web).isEmpty)
        }
    }

    @Test func upsertOnlyNeverRevokes() async throws {
        var configuration = StewardConfiguration()
        configuration.whitelist.upsertOnly = true
        try await WhitelistWorld.with(configuration: configuration) { world in
            let web = try await world.managedGroup("web")
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400)])
            _ = await world.reconciler().reconcile()
            try world.writeDesired("dev", [("198.51.100.0/24", "Office", 86_400)])
            let report = await world.reconciler().reconcile()
            #expect(report.refusals.contains { $0.message.contains("upsert-only") })
            #expect(Set(try await world.rules(web).map(\.cidr)) == ["203.0.113.10/32", "198.51.100.0/24"])
        }
    }

    @Test func ruleQuotaRefusesGrantsWithAMessageSayingWhatToDo() async throws {
        var configuration = StewardConfiguration()
        configuration.whitelist.ruleQuota = 5
        try await WhitelistWorld.with(configuration: configuration) { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "192.0.2.1/32")
            try await world.handMadeRule(web, cidr: "192.0.2.2/32")
            try world.writeDesired("dev", (0..<4).map { ("198.51.100.\($0 * 16)/28", "entry \($0)", 86_400.0) })
            let report = await world.reconciler().reconcile()
            #expect(report.refusals.contains { $0.message.contains("would hold 6 IPv4 inbound rules, over its quota of 5") && $0.message.contains("prefix-list") })
            #expect(try await world.rules(web).count == 2)
        }
    }

    @Test func worldOpenHandMadeRuleIsCriticalDriftAndNeverRemoved() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "0.0.0.0/0")
            try world.writeDesired("dev", [])
            let report = await world.reconciler().reconcile(ReconcileOptions(force: true))
            let drift = report.plans.flatMap(\.drift)
            #expect(drift.contains { $0.kind == .worldOpenRule && $0.severity == .critical })
            #expect(try await world.rules(web).map(\.cidr) == ["0.0.0.0/0"])
        }
    }
}
