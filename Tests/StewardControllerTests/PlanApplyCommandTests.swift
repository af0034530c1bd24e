import Foundation
import StewardTestSupport
import Testing

/// `steward plan` and `steward apply` as processes against moto: exit codes, JSON, confirmation.
@Suite(.serialized) struct PlanApplyCommandTests {
    @Test func planExitCodesJSONAndApplyConfirmation() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "0.0.0.0/0")
            world.clock = Date()
            try world.writeDesired("dev", [("203.0.113.10/32", "John office IP", 86_400)])
            let environment = world.moto.clientEnvironment

            let text = try StewardBinary.run(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
            #expect(text.status == 2, "changes pending: \(text.output)")
            #expect(text.output.contains("+ 203.0.113.10/32 tcp/443  \"John office IP\"  (new entry, expires "))
            #expect(text.output.contains("! critical drift \(web)"))
            #expect(text.output.contains("Plan: 1 to authorize, 0 to update, 0 to revoke."))
            #expect(try StewardBinary.run(["plan"], in: world.directory, environment: environment).status == 0, "without the flag, changes exit 0")

            let json = try StewardBinary.run(["plan", "--format", "json"], in: world.directory, environment: environment)
            #expect(json.status == 0)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect(document["changes"] as? Bool == true)
            #expect((document["summary"] as? [String: Int])?["authorize"] == 1)
            let environments = try #require(document["environments"] as? [[String: Any]])
            let groups = try #require(environments.first?["groups"] as? [[String: Any]])
            let grant = try #require((groups.first?["authorize"] as? [[String: Any]])?.first)
            #expect(grant["cidr"] as? String == "203.0.113.10/32")
            #expect(grant["reason"] as? String == "new entry")

            // No terminal and no --auto-approve: refuse, change nothing.
            let unconfirmed = try StewardBinary.run(["apply"], in: world.directory, environment: environment)
            #expect(unconfirmed.status == 1)
            #expect(unconfirmed.output.contains("pass --auto-approve"))
            #expect(try await world.rules(web).count == 1)

            let applied = try StewardBinary.run(["apply", "--auto-approve"], in: world.directory, environment: environment)
            #expect(applied.status == 0, "\(applied.output)")
            #expect(applied.output.contains("Apply complete: 1 authorized, 0 updated, 0 revoked, 0 failed."))
            let converged = try StewardBinary.run(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
            #expect(converged.status == 0, "\(converged.output)")

            let unreachable = try StewardBinary.run(["plan"], in: world.directory,
                                                    environment: environment.merging(["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_MAX_ATTEMPTS": "1"]) { $1 })
            #expect(unreachable.status == 1)
            #expect(unreachable.output.contains("could not read security groups from AWS"))
        }
    }
}
