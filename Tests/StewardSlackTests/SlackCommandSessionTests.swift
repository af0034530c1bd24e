import Foundation
import SlackEmulator
import StewardTestSupport
import Testing

/// Slack and the CLI go through one command session: the same guards before an edit is
/// written, the same status read from AWS, the same words.
@Suite(.serialized) struct SlackCommandSessionTests {
    static let config = """
    whitelist:
      rule_quota: 3
    slack:
      mode: socket
      allowed_channels: [C0OPS]

    """

    func start(_ estate: SlackEstate) throws {
        try estate.startDaemon()
    }

    func ask(_ estate: SlackEstate, _ command: String, _ text: String) async throws -> String {
        let envelope = try await estate.emulator.sendSlashCommand(command: command, text: text, userID: "U0ALICE", channelID: "C0OPS")
        return try #require(try await estate.emulator.waitForAck(envelope).payload?["text"]?.stringValue)
    }

    /// What Slack shows, as the terminal would (Slack escapes `&`, `<` and `>`).
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func infraStatusInSlackShowsWhatAWSHoldsAfterAStop() async throws {
        try await SlackEstate.with { estate in
            _ = try await estate.moto.boto3(TierEstateSeed.script)
            try DesiredStateYAML(tier: "stopped").write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            try start(estate)
            let daemon = try #require(estate.daemon)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(20))

            let status = Self.unescaped(try await ask(estate, "/infra", "status dev"))
            #expect(status.contains("dev (desired): stopped"), "\(status)")
            #expect(status.contains("rds:dev-db: stopped; wanted stopped"), "read from AWS: \(status)")
            #expect(status.contains("aurora:dev-aurora: stopped; wanted stopped"), "\(status)")
            #expect(status.contains("ecs:dev/api: 0/0 tasks (scaled down by Steward, saved 3); wanted stopped"), "\(status)")
            #expect(status.contains("ecs:dev/worker: 0/0 tasks (scaled down by Steward, saved 1); wanted stopped"), "\(status)")
            #expect(status.contains("next reconcile: nothing to do"), "\(status)")

            let bastion = Self.unescaped(try await ask(estate, "/bastion", "status dev"))
            #expect(bastion.contains("no bastion instance"), "read from AWS: \(bastion)")
            #expect(await daemon.stop() == 0)
        }
    }

    @Test func whitelistAddAtTheRuleQuotaIsRefusedInSlackWithTheCLIsWordsAndChangesNothing() async throws {
        try await SlackEstate.with { estate in
            let group = try await estate.managedGroup("web")
            _ = try await estate.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            for cidr in ['192.0.2.1/32', '192.0.2.2/32']:
                ec2.authorize_security_group_ingress(GroupId='\(group)', IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
                    'IpRanges': [{'CidrIp': cidr, 'Description': 'by hand'}]}])
            """)
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            try start(estate)
            let daemon = try #require(estate.daemon)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            try await estate.emulator.waitForConnection(number: 1, timeout: .seconds(20))

            // One more rule fits; the second would be the fourth on a group whose quota is 3.
            #expect(try await ask(estate, "/whitelist", "add 203.0.113.10 office --env dev").hasPrefix("queued:"))
            _ = try await estate.waitForCIDRs(group, timeout: .seconds(15)) { $0.contains("203.0.113.10/32") }
            let before = estate.desiredText()
            let refused = Self.unescaped(try await ask(estate, "/whitelist", "add 198.51.100.0/24 Office --env dev"))
            #expect(refused.contains("adding 198.51.100.0/24"), "\(refused)")
            #expect(refused.contains("over its quota of 3"), "\(refused)")
            #expect(estate.desiredText() == before, "a refused edit changes nothing")

            let cli = try StewardBinary.run(["whitelist", "add", "198.51.100.0/24", "Office", "--env", "dev",
                                             "--config", estate.root.appendingPathComponent("steward.yaml").path],
                                            in: estate.root, environment: estate.moto.clientEnvironment)
            #expect(cli.status == 1)
            #expect(cli.output.trimmingCharacters(in: .whitespacesAndNewlines) == refused, "the CLI says exactly what Slack said")
            #expect(estate.desiredText() == before)
            #expect(try await estate.waitForCIDRs(group, timeout: .seconds(1)) { _ in false }.count == 3, "nothing was granted")
            #expect(await daemon.stop() == 0)
        }
    }
}
