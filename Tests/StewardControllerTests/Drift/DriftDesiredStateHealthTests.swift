import Foundation
import StewardTestSupport
import Testing

/// Desired-state health in `steward drift` with DynamoDB layered over YAML, against moto, the
/// rows written with the aws CLI as the seed writes them: a row for an environment no YAML
/// defines, and a row contradicting the YAML, each a medium finding that counts as drift.
@Suite(.serialized) struct DriftDesiredStateHealthTests {
    static let table = "docustack-ip-whitelist"
    static let environments = "steward-environments"

    @Test(.timeLimit(.minutes(8)))
    func unknownEnvironmentAndYAMLConflictAreDrift() async throws {
        try await MotoServer.with { moto in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-drift-health-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let desired = root.appendingPathComponent("desired-state")
            try FileManager.default.createDirectory(at: desired, withIntermediateDirectories: true)
            try DesiredStateYAML(whitelist: [DesiredStateYAML.Entry(cidr: "203.0.113.10/32", description: "office", expiresAt: Date().addingTimeInterval(86_400))])
                .write(in: desired)
            try """
            desired_state:
              yaml: desired-state
              dynamodb:
                whitelist_table: \(Self.table)
                environments_table: \(Self.environments)

            """.write(to: root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            try await moto.createWhitelistTable(Self.table, stream: false)
            try await moto.createEnvironmentsTable(Self.environments, stream: false)
            let now = Int(Date().timeIntervalSince1970)
            // The same network as the YAML, said differently; and `prdo`, a typo of an environment.
            try await moto.putWhitelistItem(table: Self.table, ipAddress: "203.0.113.10/32", environment: "dev", description: "John at home",
                                            addedBy: "U0123", addedAt: now - 60, expiresAt: now + 7 * 86_400)
            try await moto.putWhitelistItem(table: Self.table, ipAddress: "198.51.100.0/24", environment: "prdo", description: "office",
                                            addedBy: "U0123", addedAt: now - 60, expiresAt: now + 86_400)
            _ = try await moto.aws(["dynamodb", "put-item", "--table-name", Self.environments, "--item", #"{"environment":{"S":"prdo"},"tier":{"S":"running"}}"#])

            let result = try StewardBinary.runCapturing(["drift", "--no-attribution", "--format", "json", "--detailed-exitcode"], in: root,
                                                        environment: moto.clientEnvironment)
            #expect(result.status == 2, "drift, not unknown (3) nor in sync: \(result.stdout)\n\(result.stderr)")
            let report = try DriftDocument.decode(result.stdout)
            #expect(report.status("dev")?.status == "drifted", "\(report.environments)")
            #expect(report.status("prdo")?.status == "drifted", "\(report.environments)")

            let conflictRow = "\(Self.table)[ip_address=203.0.113.10/32, environment=dev]"
            let conflict = try #require(report.finding("desired-state-conflict", id: conflictRow), "\(report.findings.map(\.id))")
            #expect(conflict.severity == "medium")
            #expect(conflict.environment == "dev")
            #expect(conflict.resource.type == "desired-state")
            #expect(conflict.state == "new")
            #expect(conflict.message.contains("desired-state/dev.yaml") && conflict.message.contains(conflictRow), "names both places: \(conflict.message)")
            #expect(conflict.message.contains("\"John at home\""))

            for row in ["\(Self.table)[ip_address=198.51.100.0/24, environment=prdo]", "\(Self.environments)[environment=prdo]"] {
                let unknown = try #require(report.finding("desired-state-unknown-environment", id: row), "\(row): \(report.findings.map(\.id))")
                #expect(unknown.severity == "medium")
                #expect(unknown.environment == "prdo")
                #expect(unknown.message.contains("names environment prdo"))
            }

            // A second report: still there, open, same ids.
            let again = try DriftDocument.decode(try StewardBinary.runCapturing(["drift", "--no-attribution", "--format", "json"], in: root,
                                                                                environment: moto.clientEnvironment).stdout)
            #expect(again.finding("desired-state-conflict", id: conflictRow)?.state == "open")

            // The row deleted with the seed's own command: resolved, by someone else.
            try await moto.deleteWhitelistItem(table: Self.table, ipAddress: "203.0.113.10/32", environment: "dev")
            let fixed = try DriftDocument.decode(try StewardBinary.runCapturing(["drift", "--no-attribution", "--format", "json"], in: root,
                                                                                environment: moto.clientEnvironment).stdout)
            #expect(fixed.finding("desired-state-conflict", id: conflictRow)?.state == "resolved")
            #expect(fixed.finding("desired-state-conflict", id: conflictRow)?.fixed_by == "someone-else")
        }
    }
}
