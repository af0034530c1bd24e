import CloudTrailEmulator
import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// New findings attributed through the CloudTrail emulator by `DriftReporter`: an assumed-role
/// session's name, Steward's own role as Steward, at most 2 lookups in any second, a denied
/// lookup leaving the report as it is, and no lookup for findings already known.
@Suite(.serialized) struct DriftAttributionTests {
    @Test func newFindingsNameWhoCausedThemWithinTheRateLimit() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            let api = try await world.managedGroup("api")
            let admin = try await world.managedGroup("admin")
            try await world.handMadeRule(web, cidr: "198.51.100.7/32")
            try await world.handMadeRule(api, cidr: "198.51.100.8/32")
            try await world.handMadeRule(admin, cidr: "198.51.100.9/32")
            world.clock = Date()
            try world.writeDesired("dev", [])
            try await CloudTrailWorld.with { trail in
                let now = Date()
                trail.emulator.seed([
                    EmulatedEvent("AuthorizeSecurityGroupIngress", on: web, at: now.addingTimeInterval(-600), by: .assumedRole("deployer", session: "alice")),
                    EmulatedEvent("AuthorizeSecurityGroupIngress", on: api, at: now.addingTimeInterval(-300),
                                  by: .assumedRole("steward", session: "i-0123456789abcdef0")),
                ])
                let attributor = CloudTrailAttributor(client: trail.client, steward: StewardIdentity(callerARN: CloudTrailWorld.stewardCaller),
                                                      limiter: LookupRateLimiter())
                let file = DriftHistoryFile(url: world.directory.appendingPathComponent("history.json"))
                let reporter = DriftReporter(reconciler: world.reconciler(), history: file, attributor: attributor, desiredStateSource: "test")
                let report = try await reporter.report()

                func actor(_ group: String) -> DriftActor? {
                    report.findings.first { if case .securityGroupRule(group, _) = $0.resource { true } else { false } }?.actor
                }
                #expect(actor(web)?.name == "alice")
                #expect(actor(web)?.kind == .assumedRole)
                #expect(actor(api)?.name == "Steward")
                #expect(actor(api)?.kind == .steward)
                #expect(actor(admin) == nil, "no event: no actor")
                #expect(trail.emulator.lookupRequests.count == 3)
                #expect(trail.emulator.mostLookups(within: .seconds(1)) <= 2)
                #expect(DriftReportTextRenderer.render(report).contains("by alice (assumed-role, AuthorizeSecurityGroupIngress)"))

                // Known findings are not looked up again; the actor is kept in the history.
                let again = try await reporter.report()
                #expect(trail.emulator.lookupRequests.count == 3)
                #expect(again.findings.first { $0.actor?.name == "alice" }?.state == .open)
            }
        }
    }

    @Test func deniedLookupLeavesTheReportWhole() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "198.51.100.7/32")
            world.clock = Date()
            try world.writeDesired("dev", [])
            try await CloudTrailWorld.with { trail in
                trail.emulator.setAccessDenied(true)
                let attributor = CloudTrailAttributor(client: trail.client, steward: StewardIdentity(callerARN: CloudTrailWorld.stewardCaller),
                                                      limiter: LookupRateLimiter())
                let reporter = DriftReporter(reconciler: world.reconciler(), history: DriftHistoryFile(url: world.directory.appendingPathComponent("h.json")),
                                             attributor: attributor, desiredStateSource: "test")
                let report = try await reporter.report()
                #expect(report.exitCode(detailed: true) == 2)
                #expect(report.active.count == 1)
                #expect(report.active.first?.actor == nil)
                #expect(report.active.first?.state == .new)
            }
        }
    }
}
