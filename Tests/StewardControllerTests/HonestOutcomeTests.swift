import Foundation
import StewardTestSupport
import Testing

/// `steward plan` and `steward apply` as processes against moto: every exit status means one
/// thing, and stdout never says AWS matches desired state when it was not read, not reached,
/// or partly refused.
@Suite(.serialized) struct HonestOutcomeTests {
    static let claim = "AWS matches the desired state"

    func steward(_ world: WhitelistWorld, _ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        try StewardBinary.runCapturing(arguments, in: world.directory, environment: world.moto.clientEnvironment.merging(extra) { $1 })
    }

    @Test func successNothingToDoAndAnUnreadableFile() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            world.clock = Date()
            try world.writeDesired("dev", [("203.0.113.10/32", "office", 86_400)])

            let applied = try steward(world, ["apply", "--auto-approve"])
            #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
            #expect(applied.stdout.contains("dev: 1 change applied; \(Self.claim)"), "\(applied.stdout)")
            #expect(try await world.rules(web).count == 1)

            let nothing = try steward(world, ["apply", "--auto-approve"])
            #expect(nothing.status == 0)
            #expect(nothing.stdout.contains("No changes. \(Self.claim)."))
            #expect(nothing.stdout.contains("dev: \(Self.claim)"))
            #expect(try steward(world, ["plan", "--detailed-exitcode"]).status == 0)

            try "environment: dev\ntier: [running\n".write(to: world.desiredStateDirectory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
            let broken = try steward(world, ["apply", "--auto-approve"])
            #expect(broken.status == 1, "\(broken.stdout)")
            #expect(!broken.stdout.contains(Self.claim), "\(broken.stdout)")
            #expect(broken.stdout.contains("dev: not reconciled: desired state unreadable ("), "\(broken.stdout)")
            #expect(broken.stderr.contains("refused: dev (desired state unreadable)"), "\(broken.stderr)")
            let plan = try steward(world, ["plan", "--detailed-exitcode"])
            #expect(plan.status == 1)
            #expect(!plan.stdout.contains(Self.claim))
            #expect(try await world.rules(web).count == 1, "nothing changed")
        }
    }

    @Test func unreachableAWSIsAnErrorThatClaimsNothing() async throws {
        try await WhitelistWorld.with { world in
            try world.writeDesired("dev", [])
            let unreachable = try steward(world, ["apply", "--auto-approve"], environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1"])
            #expect(unreachable.status == 1)
            #expect(!unreachable.stdout.contains(Self.claim), "\(unreachable.stdout)")
            #expect(unreachable.stderr.contains("could not read security groups from AWS"))
        }
    }

    @Test func aRevokeBudgetRefusalExitsThreeAndShowsWhatWasRefused() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            world.clock = Date()
            try world.writeDesired("dev", (0..<12).map { ("198.51.100.\($0 * 16)/28", "entry \($0)", 86_400.0) })
            #expect(try steward(world, ["apply", "--auto-approve"]).status == 0)
            try world.writeDesired("dev", [])

            let plan = try steward(world, ["plan", "--detailed-exitcode"])
            #expect(plan.status == 2, "refused changes are still changes: \(plan.stdout)")
            #expect(!plan.stdout.contains("(web): up to date"), "a group with refused revokes is not up to date: \(plan.stdout)")
            #expect(plan.stdout.contains("! refused: revoke sgr-"), "\(plan.stdout)")
            let refused = try steward(world, ["apply", "--auto-approve"])
            #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
            #expect(!refused.stdout.contains(Self.claim), "\(refused.stdout)")
            #expect(refused.stdout.contains("dev: 12 actions refused by the revoke budget guard"), "\(refused.stdout)")
            #expect(refused.stderr.contains("refused: dev (revoke budget): plan revokes 12 rules in dev, over the budget of 10 per run"))
            #expect(refused.stderr.contains("--force"))
            #expect(try await world.rules(web).count == 12, "nothing was revoked")
            let audit = try String(contentsOf: world.directory.appendingPathComponent("steward-audit.jsonl"), encoding: .utf8)
            #expect(audit.split(separator: "\n").filter { $0.contains("\"result\":\"refused\"") }.count == 12, "the refusal is audited")
        }
    }

    @Test func aRuleQuotaRefusalExitsThree() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "192.0.2.1/32")
            try await world.handMadeRule(web, cidr: "192.0.2.2/32")
            world.clock = Date()
            try "whitelist:\n  rule_quota: 3\n".write(to: world.directory.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            try world.writeDesired("dev", [("203.0.113.10/32", "a", 86_400), ("203.0.113.11/32", "b", 86_400)])
            let refused = try steward(world, ["apply", "--auto-approve"])
            #expect(refused.status == 3, "\(refused.stdout)\(refused.stderr)")
            #expect(!refused.stdout.contains(Self.claim))
            #expect(refused.stdout.contains("dev: 2 actions refused by the rule quota guard"), "\(refused.stdout)")
            #expect(refused.stderr.contains("refused: dev (rule quota): \(web) would hold 4 IPv4 inbound rules, over its quota of 3"))
            #expect(try await world.rules(web).count == 2)
        }
    }
}

/// A protected environment's teardown converges to stopped and says it was refused.
@Suite(.serialized) struct ProtectedTeardownOutcomeTests {
    @Test func aProtectedTeardownExitsThreeAndStopsInstead() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .tornDown, protected: true)
            let result = try StewardBinary.runCapturing(["apply", "--auto-approve"], in: world.directory, environment: world.moto.clientEnvironment)
            #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
            #expect(!result.stdout.contains(HonestOutcomeTests.claim), "\(result.stdout)")
            #expect(result.stdout.contains("refused by the protected teardown guard"), "\(result.stdout)")
            #expect(result.stderr.contains("refused: dev (protected teardown): protected; teardown refused"))
            #expect(try await world.estate().databases["dev-db"] == "stopped", "stopped, not deleted")
        }
    }
}
