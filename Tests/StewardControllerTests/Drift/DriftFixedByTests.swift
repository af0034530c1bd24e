import Foundation
import StewardTestSupport
import Testing

/// Who fixed a finding, told from the audit log: `steward apply` from the CLI is Steward, a
/// revoke through boto3 is someone else. Against moto, boto3 as the oracle.
@Suite(.serialized) struct DriftFixedByTests {
    @Test(.timeLimit(.minutes(8)))
    func applyFromTheCLIIsStewardAHandFixIsSomeoneElse() async throws {
        try await MotoServer.with { moto in
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-drift-fixed-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: root) }
            let desired = root.appendingPathComponent("desired-state")
            try FileManager.default.createDirectory(at: desired, withIntermediateDirectories: true)
            // Two of Steward's own rules whose entries expired an hour ago, and one still wanted.
            let output = try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
            group = ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
                'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}])['GroupId']
            owned = [{'ResourceType': 'security-group-rule', 'Tags': [{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'steward:environment', 'Value': 'dev'}]}]
            def rule(cidr, description):
                return ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
                    'IpRanges': [{'CidrIp': cidr, 'Description': description}]}], TagSpecifications=owned)['SecurityGroupRules'][0]['SecurityGroupRuleId']
            print(json.dumps({'group': group, 'applied': rule('192.0.2.10/32', 'old office'), 'hand': rule('192.0.2.11/32', 'old vpn'),
                              'kept': rule('203.0.113.10/32', 'office')}))
            """)
            let ids = try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
            let group = try #require(ids["group"]), applied = try #require(ids["applied"]), hand = try #require(ids["hand"])
            let expired = Date().addingTimeInterval(-3600)
            try DesiredStateYAML(whitelist: [
                DesiredStateYAML.Entry(cidr: "192.0.2.10/32", description: "old office", addedAt: expired.addingTimeInterval(-3600), expiresAt: expired),
                DesiredStateYAML.Entry(cidr: "192.0.2.11/32", description: "old vpn", addedAt: expired.addingTimeInterval(-3600), expiresAt: expired),
                DesiredStateYAML.Entry(cidr: "203.0.113.10/32", description: "office", expiresAt: Date().addingTimeInterval(86_400)),
            ]).write(in: desired)
            func drift() throws -> DriftDocument {
                let result = try StewardBinary.runCapturing(["drift", "--no-attribution", "--format", "json"], in: root, environment: moto.clientEnvironment)
                #expect(result.status == 0, "\(result.stderr)")
                return try DriftDocument.decode(result.stdout)
            }
            let appliedID = "\(group)/\(applied)", handID = "\(group)/\(hand)"

            let first = try drift()
            #expect(first.finding("expired-entry-granted", id: appliedID)?.state == "new", "\(first.findings.map(\.id))")
            #expect(first.finding("expired-entry-granted", id: handID)?.severity == "critical")

            // Fixed by hand: someone else.
            _ = try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ec2.revoke_security_group_ingress(GroupId='\(group)', SecurityGroupRuleIds=['\(hand)'])
            """)
            let second = try drift()
            #expect(second.finding("expired-entry-granted", id: handID)?.state == "resolved")
            #expect(second.finding("expired-entry-granted", id: handID)?.fixed_by == "someone-else")
            #expect(second.finding("expired-entry-granted", id: appliedID)?.state == "open")

            // Fixed by `steward apply` from the CLI (not the daemon): Steward, from the audit log.
            let apply = try StewardBinary.runCapturing(["apply", "--auto-approve"], in: root, environment: moto.clientEnvironment)
            #expect(apply.status == 0, "\(apply.stdout)\n\(apply.stderr)")
            let remaining = try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            rules = ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(group)']}])['SecurityGroupRules']
            print(json.dumps(sorted(r['SecurityGroupRuleId'] for r in rules if not r['IsEgress'])))
            """)
            #expect(!remaining.contains(applied), "apply revoked the expired rule: \(remaining)")
            #expect(remaining.contains(try #require(ids["kept"])))
            let audit = try String(contentsOf: root.appendingPathComponent("steward-audit.jsonl"), encoding: .utf8)
            #expect(audit.contains("\"resources\":[\"\(group)\",\"\(appliedID)\"]"), "\(audit)")

            let third = try drift()
            #expect(third.finding("expired-entry-granted", id: appliedID)?.state == "resolved", "\(third.findings.map { "\($0.id) \($0.state)" })")
            #expect(third.finding("expired-entry-granted", id: appliedID)?.fixed_by == "steward")
            #expect(third.finding("expired-entry-granted", id: handID) == nil, "a resolution is shown once")
        }
    }
}
