import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward infra …` as a process: the /infra grammar and replies, edits through the store,
/// status from AWS (moto), and `apply` converging what the edit asked for.
@Suite(.serialized) struct InfraCommandTests {
    @Test func stopThenApplyThenStatusThenAProtectedTeardownIsRefused() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .running, protected: true)
            let environment = world.moto.clientEnvironment
            func steward(_ arguments: [String]) throws -> (status: Int32, output: String) {
                try StewardBinary.run(arguments, in: world.directory, environment: environment)
            }

            let stop = try steward(["infra", "stop", "dev", "--actor", "ops"])
            #expect(stop.status == 0, "\(stop.output)")
            #expect(stop.output.contains("queued: dev → stopped (was running)"))
            let file = try String(contentsOf: world.desiredStateDirectory.appendingPathComponent("dev.yaml"), encoding: .utf8)
            #expect(file.contains("tier: stopped"))

            let plan = try steward(["plan", "--detailed-exitcode"])
            #expect(plan.status == 2, "\(plan.output)")
            #expect(plan.output.contains("~ ecs:dev/api  scale to 0"))
            #expect(plan.output.contains("phase 2"))
            let apply = try steward(["apply", "--auto-approve"])
            #expect(apply.status == 0, "\(apply.output)")
            #expect(try await world.estate().databases["dev-db"] == "stopped")

            let status = try steward(["infra", "status", "dev"])
            #expect(status.status == 0, "\(status.output)")
            #expect(status.output.contains("dev (desired): stopped, protected"))
            #expect(status.output.contains("rds:dev-db: stopped; wanted stopped"))
            #expect(status.output.contains("ecs:dev/api: 0/0 tasks (scaled down by Steward, saved 3); wanted stopped"))
            #expect(status.output.contains("next reconcile: nothing to do"))
            #expect(status.output.contains("estimated cost of what runs now: ~$"))

            let teardown = try steward(["infra", "teardown", "dev"])
            #expect(teardown.status == 1)
            #expect(teardown.output.contains("protected"), "\(teardown.output)")
            let unchanged = try String(contentsOf: world.desiredStateDirectory.appendingPathComponent("dev.yaml"), encoding: .utf8)
            #expect(unchanged.contains("tier: stopped"), "a refused edit changes nothing")

            let bastion = try steward(["bastion", "create", "dev"])
            #expect(bastion.status == 1)
            #expect(bastion.output.contains("stopped"), "a lease needs the tier running: \(bastion.output)")
        }
    }
}
