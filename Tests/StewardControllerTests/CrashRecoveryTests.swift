import Foundation
import StewardCore
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
            let environment = world.moto.clientEnvironment

            // Kill as soon as the plan is printed: execution starts right after.
            let first = StewardBinary.process(["apply", "--auto-approve"], in: world.directory, environment: environment)
            let pipe = Pipe()
            first.standardOutput = pipe
            first.standardError = FileHandle.nullDevice
            try first.run()
            var seen = ""
            let deadline = Date().addingTimeInterval(30)
            while !seen.contains("Plan:"), Date() < deadline {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(first.terminationReason == .uncaughtSignal)
            #expect(seen.contains("Plan: 160 to authorize"))

            let second = try StewardBinary.run(["apply", "--auto-approve"], in: world.directory, environment: environment)
            #expect(second.status == 0, "\(second.output)")
            let third = try StewardBinary.run(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
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
