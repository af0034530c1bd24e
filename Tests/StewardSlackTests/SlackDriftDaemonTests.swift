import Foundation
import SlackEmulator
import StewardCore
import StewardTestSupport
import Testing

/// `steward run` with `drift_report:` against moto and the Slack emulator: a digest on
/// schedule, a new critical finding posted once across passes and a restart, its resolution
/// posted once.
@Suite(.serialized) struct SlackDriftDaemonTests {
    static let config = """
    slack:
      mode: socket
      allowed_channels: [C0OPS]
    drift_report:
      every: 10s
      channel: C0DRIFT

    """

    func start(_ estate: SlackEstate) throws {
        try estate.startDaemon(interval: "2s")
    }

    /// Every message posted to the drift channel so far, after waiting for the `number`-th.
    func messages(_ estate: SlackEstate, atLeast number: Int) async throws -> [String] {
        _ = try await estate.emulator.waitForPostedMessage(channel: "C0DRIFT", number: number, timeout: .seconds(40))
        var texts: [String] = []
        var index = 1
        while let message = try? await estate.emulator.waitForPostedMessage(channel: "C0DRIFT", number: index, timeout: .milliseconds(1)) {
            texts.append(message.text ?? "")
            index += 1
        }
        return texts
    }

    @Test func digestOnScheduleCriticalPostedOnceAcrossPassesAndARestartResolutionOnce() async throws {
        try await SlackEstate.with { estate in
            let group = try await estate.managedGroup("web")
            let rule = try await estate.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            print(ec2.authorize_security_group_ingress(GroupId='\(group)', IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
                'IpRanges': [{'CidrIp': '0.0.0.0/0', 'Description': 'by hand'}]}])['SecurityGroupRules'][0]['SecurityGroupRuleId'])
            """).trimmingCharacters(in: .whitespacesAndNewlines)
            try DesiredStateYAML().write(in: estate.desiredState)
            try estate.write("steward.yaml", Self.config)
            try start(estate)
            _ = try await estate.daemon?.waitForLine("first reconcile completed in ")

            // Two digests 10 s apart at a 2 s interval: several passes saw the finding.
            var texts = try await messages(estate, atLeast: 3)
            let digests = texts.filter { $0.hasPrefix("Drift digest:") }
            let alerts = texts.filter { $0.contains("critical drift in dev") && $0.contains(rule) }
            #expect(digests.count >= 2, "\(texts)")
            #expect(digests.first?.contains("1 critical") == true, "\(texts)")
            #expect(alerts.count == 1, "a new critical finding is posted once: \(texts)")
            #expect(texts.first?.contains("critical drift in dev") == true, "the alert comes at once, before the digest: \(texts)")

            // A restart: the history says it was posted already.
            #expect(await estate.daemon?.stop() == 0)
            let before = texts.count
            try start(estate)
            _ = try await estate.daemon?.waitForLine("first reconcile completed in ")
            texts = try await messages(estate, atLeast: before + 1)
            #expect(texts.filter { $0.contains("critical drift in dev") && !$0.hasPrefix("Drift digest") }.count == 1, "not again after a restart: \(texts)")

            // Fixed by hand: its resolution is posted once.
            _ = try await estate.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ec2.revoke_security_group_ingress(GroupId='\(group)', SecurityGroupRuleIds=['\(rule)'])
            """)
            var resolved: [String] = []
            for number in (texts.count + 1)...(texts.count + 6) {
                texts = try await messages(estate, atLeast: number)
                resolved = texts.filter { $0.contains("resolved by someone else: critical drift in dev") }
                if !resolved.isEmpty, texts.last?.hasPrefix("Drift digest:") == true, texts.last?.contains("no drift") == true { break }
            }
            #expect(resolved.count == 1, "\(texts)")
            #expect(texts.last?.contains("no drift") == true, "the digest after the fix: \(texts)")
            #expect(await estate.daemon?.stop() == 0)
            let history = try String(contentsOf: estate.root.appendingPathComponent("steward-drift-history.json"), encoding: .utf8)
            #expect(history.contains("steward.drift-history/v1"))
            #expect(history.contains("\"last_digest_at\""), "the schedule survives a restart")
        }
    }
}
