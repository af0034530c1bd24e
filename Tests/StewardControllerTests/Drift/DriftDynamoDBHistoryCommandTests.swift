import Foundation
import StewardTestSupport
import Testing

/// `steward drift` and `steward drift ack` with desired state in DynamoDB: the findings history
/// is kept in the environments table (no file on the container's disk), across runs, and the
/// daemon's history writes do not wake its own loop through the table's stream.
@Suite(.serialized) struct DriftDynamoDBHistoryCommandTests {
    static let table = RunDaemonDynamoDBTests.table
    static let environments = RunDaemonDynamoDBTests.environments
    /// The daemon test's DynamoDB-only configuration, with the audit log named.
    static let configuration = RunDaemonDynamoDBTests.configuration + "audit_log: steward-audit.jsonl\n"

    /// Tables, configuration, one entry for dev, and a managed group with a hand-made rule.
    static func seed(_ estate: RunDaemonEstate) async throws -> String {
        try await estate.moto.createWhitelistTable(table)
        try await estate.moto.createEnvironmentsTable(environments)
        try configuration.write(to: estate.root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
        let now = Int(Date().timeIntervalSince1970)
        try await estate.moto.putWhitelistItem(table: table, ipAddress: "198.51.100.0/24", environment: "dev", description: "office",
                                               addedBy: "john.doe", addedAt: now - 60, expiresAt: now + 86_400)
        let group = try await estate.managedGroup("web")
        _ = try await estate.moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        ec2.authorize_security_group_ingress(GroupId='\(group)', IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
            'IpRanges': [{'CidrIp': '203.0.113.5/32', 'Description': 'by hand'}]}])
        """)
        return group
    }

    /// The history item's version as the aws CLI reads it; nil when there is none.
    static func historyVersion(_ estate: RunDaemonEstate) async throws -> Int? {
        let output = try await estate.moto.aws(["dynamodb", "get-item", "--table-name", environments, "--consistent-read",
                                                "--key", #"{"environment": {"S": "_steward/drift-history"}}"#,
                                                "--query", "Item.version.N", "--output", "text"])
        return Int(output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func drift(_ estate: RunDaemonEstate, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try StewardBinary.runCapturing(["drift", "--no-attribution"] + arguments, in: estate.root, environment: estate.moto.clientEnvironment)
    }

    @Test(.timeLimit(.minutes(8)))
    func historyAndAcksLiveInTheEnvironmentsTable() async throws {
        try await RunDaemonEstate.with { estate, _ in
            _ = try await Self.seed(estate)
            #expect(try await Self.historyVersion(estate) == nil)

            let first = try drift(estate, ["--format", "json"])
            #expect(first.status == 0, "\(first.stdout)\n\(first.stderr)")
            let report = try DriftDocument.decode(first.stdout)
            let handMade = try #require(report.finding("unmanaged-rule"), "\(first.stdout)")
            #expect(handMade.state == "new")
            #expect(try await Self.historyVersion(estate) == 1, "the report was recorded in the table")
            let files = try FileManager.default.contentsOfDirectory(atPath: estate.root.path)
            #expect(!files.contains("steward-drift-history.json"), "no history file beside the audit log: \(files)")

            let second = try DriftDocument.decode(try drift(estate, ["--format", "json"]).stdout)
            #expect(second.finding("unmanaged-rule")?.state == "open")
            #expect(second.finding("unmanaged-rule")?.first_seen == handMade.first_seen, "first_seen is kept in the table")

            // The hand-made rule, and the entry not granted yet (no apply has run).
            let open = second.findings.filter { $0.state == "open" }
            #expect(open.count == 2, "\(open.map(\.id))")
            for finding in open {
                let ack = try StewardBinary.runCapturing(["drift", "ack", finding.id, "--for", "3d", "--reason", "vendor test", "--by", "jane"],
                                                         in: estate.root, environment: estate.moto.clientEnvironment)
                #expect(ack.status == 0, "\(ack.stdout)\n\(ack.stderr)")
            }
            #expect(try await Self.historyVersion(estate) == 2 + open.count, "each ack is one versioned update")
            let third = try drift(estate, ["--format", "json", "--detailed-exitcode"])
            #expect(third.status == 0, "every finding is acknowledged: \(third.stdout)\n\(third.stderr)")
            let acked = try DriftDocument.decode(third.stdout).finding("unmanaged-rule")
            #expect(acked?.state == "acknowledged")
            #expect(acked?.ack?.by == "jane")
            #expect(acked?.ack?.reason == "vendor test")
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func theDaemonsHistoryWritesDoNotWakeItsOwnLoop() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let group = try await Self.seed(estate)
            let daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s"], in: estate.root,
                                              environment: estate.moto.clientEnvironment)
            slot.daemon = daemon
            _ = try await daemon.waitForLine("first reconcile completed in ")
            _ = try await estate.waitForCIDRs(group, timeout: .seconds(20)) { $0.contains("198.51.100.0/24") }
            let recorded = try await Self.historyVersion(estate)
            #expect((recorded ?? 0) >= 1, "the pass's drift report was recorded in the table")

            // An edit through the table: its stream record wakes the loop once, and the pass's
            // own history write that follows must not wake another.
            let now = Int(Date().timeIntervalSince1970)
            try await estate.moto.putWhitelistItem(table: Self.table, ipAddress: "192.0.2.44/32", environment: "dev", description: "vpn",
                                                   addedBy: "john.doe", addedAt: now, expiresAt: now + 86_400)
            _ = try await estate.waitForCIDRs(group, timeout: .seconds(30)) { $0.contains("192.0.2.44/32") }
            let afterEdit = try await Self.historyVersion(estate) ?? 0
            // The feed reads records every few hundred milliseconds: a loop woken by its own
            // writes would have passed (and written) several times in this window.
            try await Task.sleep(for: .seconds(5))
            let later = try await Self.historyVersion(estate) ?? 0
            #expect(later - afterEdit <= 1, "history versions \(afterEdit) → \(later) with no edit: the loop woke itself")
            #expect(await daemon.stop() == 0)
        }
    }
}
