import Foundation
import StewardCore
import Testing

/// `steward plan` lines for bastions and the `bastion status` line: exact text, since people
/// read them and scripts grep them.
@Suite struct BastionPlanRendererTests {
    typealias B = BastionFixture
    let planner = BastionPlanner(ownerID: B.owner)

    @Test func launchRetagTerminateAndDriftLines() throws {
        let lease = B.lease()
        let launch = planner.plan(desired: B.desired(lease), observed: [B.unowned("i-9")], launchTemplate: B.template, now: B.now)
        let token = try #require(launch.launch?.clientToken)
        #expect(BastionPlanTextRenderer.lines(launch) == [
            "  bastion",
            "    + launch from template dev-bastion  (lease has no bastion; lease of U0123 until 2026-11-27T13:00:00Z; token \(token))",
            "  ! high drift i-9: i-9 (running) is tagged as a dev bastion but has no steward:owner=steward tag; "
                + "Steward never touches it — terminate it by hand if nobody needs it; its cost per day is unknown (EC2 reported no instance type)",
        ])

        let retag = planner.plan(desired: B.desired(lease), observed: [B.owned("i-1", lease: B.lease(expiresIn: 3600)), B.owned("i-2", launchedAgo: 10)],
                                 launchTemplate: B.template, now: B.now)
        #expect(BastionPlanTextRenderer.lines(retag) == [
            "  bastion",
            "    ~ i-1  steward:lease-expires-at 2026-11-27T11:00:00Z -> 2026-11-27T13:00:00Z",
            "    - i-2 (running)  (more bastions than leases)",
        ])
        #expect(BastionPlanTextRenderer.summary([launch, retag]) == "Bastions: 1 to launch, 1 to retag, 1 to terminate.")
    }

    @Test func upToDateIsSilentAndHeldIsShown() {
        let lease = B.lease()
        let quiet = planner.plan(desired: B.desired(lease), observed: [B.owned("i-1", lease: lease)], launchTemplate: B.template, now: B.now)
        #expect(BastionPlanTextRenderer.lines(quiet).isEmpty)
        #expect(BastionPlanTextRenderer.render([quiet]) == "No bastion changes.\n")

        let held = planner.plan(desired: B.desired(lease), observed: [], launchTemplate: B.template, failedRead: true, now: B.now)
        let lines = BastionPlanTextRenderer.lines(held)
        #expect(lines.contains("    held: + launch from template dev-bastion  (lease has no bastion)"))
        #expect(lines.contains { $0.hasPrefix("  refused: dev: desired state is unreadable") })
        #expect(BastionPlanTextRenderer.render([held]).hasPrefix("environment dev\n  bastion\n"))
    }

    @Test func statusLineSaysHowToConnect() {
        let lease = B.lease()
        let status = BastionStatus(B.owned("i-0abc", lease: lease), environment: B.env, ownerID: B.owner)
        #expect(status.line == "i-0abc running, 10.0.1.5, t3.micro, launched 2026-11-27T09:50:00Z, lease until 2026-11-27T13:00:00Z (U0123); "
            + "connect: `aws ssm start-session --target i-0abc`")
        let untagged = BastionStatus(B.owned("i-0abc"), environment: B.env, ownerID: B.owner, lease: lease)
        #expect(untagged.leaseExpiresAt == lease.expiresAt, "the desired lease fills a missing tag")
        let foreign = BastionStatus(B.unowned("i-9"), environment: B.env, ownerID: B.owner, lease: lease)
        #expect(!foreign.isOwned)
        #expect(foreign.leaseExpiresAt == nil)
        #expect(foreign.line.hasSuffix("not managed by Steward; never touched"))
        #expect(BastionStatus.observedText([]) == "no bastion instance.")
    }
}
