import Foundation
import StewardTestSupport
import Testing

/// `steward whitelist add` refuses, before writing, an entry that would take a managed group
/// past its rule quota (reading AWS, never writing it), and records the refusal in the audit log.
@Suite(.serialized) struct EditQuotaGuardTests {
    @Test func anAdditionOverTheQuotaIsRefusedAndChangesNothing() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "192.0.2.1/32")
            try await world.handMadeRule(web, cidr: "192.0.2.2/32")
            world.clock = Date()
            try world.writeDesired("dev", [("203.0.113.10/32", "John", 86_400)])
            try "whitelist:\n  rule_quota: 3\naudit_log: audit.jsonl\n".write(
                to: world.directory.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            let file = world.desiredStateDirectory.appendingPathComponent("dev.yaml")
            let before = try String(contentsOf: file, encoding: .utf8)

            let refused = try StewardBinary.run(["whitelist", "add", "198.51.100.0/24", "Office", "--env", "dev"],
                                                in: world.directory, environment: world.moto.clientEnvironment)
            #expect(refused.status == 1)
            #expect(refused.output.contains("adding 198.51.100.0/24"), "\(refused.output)")
            #expect(refused.output.contains("over its quota of 3"))
            #expect(try String(contentsOf: file, encoding: .utf8) == before)
            #expect(try await world.rules(web).count == 2, "the check only reads AWS")

            // Offline (no AWS region configured) the CLI edits YAML without asking AWS; the
            // reconcile-time quota check still holds the grant back.
            let offline = try StewardBinary.run(["whitelist", "add", "198.51.100.0/24", "Office", "--env", "dev"],
                                                in: world.directory, environment: ["PATH": "/usr/bin:/bin"])
            #expect(offline.status == 0, "\(offline.output)")
            #expect(try String(contentsOf: file, encoding: .utf8).contains("198.51.100.0/24"))

            let audit = try String(contentsOf: world.directory.appendingPathComponent("audit.jsonl"), encoding: .utf8)
                .split(separator: "\n").map(String.init)
            #expect(audit.count == 2)
            #expect(audit[0].contains("\"action\":\"whitelist add\"") && audit[0].contains("\"result\":\"refused\""))
            #expect(audit[1].contains("\"result\":\"applied\"") && audit[1].contains("\"target\":\"198.51.100.0/24\""))
        }
    }
}
