import AsyncHTTPClient
import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward apply` killed with SIGKILL part-way, then run again: converges with no duplicate
/// rule and no stray one. Level-triggered planning means the second run simply sees what the
/// first got done.
@Suite(.serialized) struct CrashRecoveryTests {
    @Test func applyKilledMidwayThenRerunConvergesWithoutDuplicates() async throws {
        try await WhitelistWorld.with { world in
            var groups: [String] = []
            for index in 0..<4 {
                groups.append(try await world.managedGroup("web-\(index)"))
            }
            try await world.handMadeRule(groups[0], cidr: "192.0.2.200/32")
            world.clock = Date()
            let entries = (0..<40).map { ("198.51.\(100 + $0 / 16).\($0 % 16 * 16)/28", "entry \($0)", 86_400.0) }
            try world.writeDesired("dev", entries)
            // Kill while the first group's authorize is in flight: it reached EC2, its answer
            // never reaches the killed process, and the other groups were not done yet.
            try await KilledApply.run(holding: "AuthorizeSecurityGroupIngress", moto: world.moto, in: world.directory) { killed, environment in
                #expect(killed.held, "steward apply never authorized anything")
                #expect(killed.terminationReason == .uncaughtSignal)
                #expect(killed.output.contains("environment dev"), "the plan was printed before execution began")

                let second = try await StewardBinary.launch(["apply", "--auto-approve"], in: world.directory, environment: environment)
                #expect(second.status == 0, "\(second.output)")
                let third = try await StewardBinary.launch(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
                #expect(third.status == 0, "converged: \(third.output)")

                for group in groups {
                    let rules = try await world.rules(group)
                    let owned = rules.filter { $0.tags["steward:owner"] == "steward" }
                    #expect(owned.count == 40, "\(group)")
                    #expect(Set(owned.map(\.cidr)).count == 40, "no duplicates in \(group)")
                    #expect(Set(owned.map(\.cidr)) == Set(entries.map(\.0)), "no stray rule in \(group)")
                }
                #expect(try await world.rules(groups[0]).contains { $0.cidr == "192.0.2.200/32" && $0.tags.isEmpty })
            }
        }
    }
}
