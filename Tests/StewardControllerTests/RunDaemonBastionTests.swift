import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// Bastion leases through the CLI and `steward run`, against moto; instances checked with boto3.
@Suite(.serialized) struct RunDaemonBastionTests {
    /// Launches, waits for `condition` on the environment's bastion instances (boto3), bounded.
    static func bastions(_ estate: RunDaemonEstate) async throws -> [String: String] {
        let output = try await estate.moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        found = {}
        for r in ec2.describe_instances(Filters=[{'Name': 'tag:Role', 'Values': ['bastion']}])['Reservations']:
            for i in r['Instances']:
                found[i['InstanceId']] = i['State']['Name']
        print(json.dumps(found))
        """)
        return try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
    }

    @Test func aLeaseCreatedFromTheCLILaunchesOneBastionAndItsExpiryTerminatesItWithinTwoSeconds() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try await estate.createBastionTemplate()
            try estate.writeDesired([])
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: estate.moto.clientEnvironment)
            _ = try await slot.daemon?.waitForLine("first reconcile completed in ")

            // The CLI writes the lease with the same grammar and reply as /bastion.
            let created = try StewardBinary.run(["bastion", "create", "dev", "--actor", "U0123", "--desired-state", estate.desiredState.path],
                                                in: estate.root, environment: estate.moto.clientEnvironment)
            #expect(created.status == 0, "\(created.output)")
            var live: [String: String] = [:]
            for _ in 0..<100 {
                live = try await Self.bastions(estate).filter { $0.value == "running" || $0.value == "pending" }
                if !live.isEmpty { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(live.count == 1, "one lease, one bastion: \(live)")

            let status = try StewardBinary.run(["bastion", "status", "dev", "--desired-state", estate.desiredState.path],
                                               in: estate.root, environment: estate.moto.clientEnvironment)
            let instance = try #require(live.keys.first)
            #expect(status.output.contains(instance), "\(status.output)")
            #expect(status.output.contains("aws ssm start-session --target \(instance)"))

            // Shorten the lease in the file (as a reviewed edit would), then watch it end on time.
            let file = estate.desiredState.appendingPathComponent("dev.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            let expiresAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 4).rounded(.up))
            let shortened = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.trimmingCharacters(in: .whitespaces).hasPrefix("expires_at:") && line.hasPrefix("  ") && !line.hasPrefix("    ")
                    ? "  expires_at: \(Timestamp.text(expiresAt))" : String(line)
            }.joined(separator: "\n")
            try shortened.write(to: file, atomically: true, encoding: .utf8)

            // One long-lived boto3 poller (every 50 ms) times the termination precisely.
            let output = try await estate.moto.boto3("""
            import time
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            deadline = \(expiresAt.timeIntervalSince1970 + 10)
            seen = None
            while time.time() < deadline:
                state = ec2.describe_instances(InstanceIds=['\(instance)'])['Reservations'][0]['Instances'][0]['State']['Name']
                if state in ('shutting-down', 'terminated'):
                    seen = time.time()
                    break
                time.sleep(0.05)
            print(json.dumps(seen))
            """)
            let seconds = try #require(try JSONDecoder().decode(Double?.self, from: Data(output.utf8)), "the expired lease's bastion was not terminated within 10 s")
            let lateness = Date(timeIntervalSince1970: seconds).timeIntervalSince(expiresAt)
            #expect(lateness >= 0, "terminated \(-lateness) s before the lease expired")
            #expect(lateness <= 2, "terminated \(lateness) s after expiry; the interval is 60 s, so the loop must wake at the expiry")
            #expect(estate.auditLines().contains { $0.contains("\"terminate-bastion\"") })
            #expect(await slot.daemon?.stop() == 0)
        }
    }
}
