import Foundation
import StewardTestSupport
import Testing

/// `steward drift` as a process against moto, with the drift made by hand through boto3:
/// every kind with its severity, the history across runs, zero mutating calls, exit codes.
@Suite(.serialized) struct DriftCommandTests {
    /// A managed group in dev with hand-made rules of every severity and an owned rule whose
    /// entry has expired; returns the ids by name.
    static func makeWhitelistDrift(_ world: TierWorld) async throws -> [String: String] {
        let output = try await world.moto.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        group = ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
            'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}])['GroupId']
        def rule(cidr, port, tags=None):
            spec = [{'ResourceType': 'security-group-rule', 'Tags': tags}] if tags else []
            return ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': port, 'ToPort': port,
                'IpRanges': [{'CidrIp': cidr, 'Description': 'by hand'}]}], TagSpecifications=spec)['SecurityGroupRules'][0]['SecurityGroupRuleId']
        ids = {'group': group, 'world': rule('0.0.0.0/0', 443), 'ssh': rule('198.51.100.0/24', 22), 'wide': rule('10.0.0.0/8', 443),
               'plain': rule('203.0.113.5/32', 443),
               'expired': rule('192.0.2.10/32', 443, [{'Key': 'steward:owner', 'Value': 'steward'}, {'Key': 'steward:environment', 'Value': 'dev'}])}
        print(json.dumps(ids))
        """)
        return try JSONDecoder().decode([String: String].self, from: Data(output.utf8))
    }

    /// dev stopped (its services run, its database was started behind Steward's back), with an
    /// entry that expired an hour ago.
    static func writeStoppedDev(_ world: TierWorld) throws {
        try DesiredStateYAML(tier: "stopped", whitelist: [
            DesiredStateYAML.Entry(cidr: "192.0.2.10/32", description: "old office", addedAt: Date().addingTimeInterval(-7200), expiresAt: Date().addingTimeInterval(-3600)),
        ]).write(in: world.desiredStateDirectory)
    }

    func drift(_ world: TierWorld, _ arguments: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        try StewardBinary.runCapturing(["drift", "--no-attribution"] + arguments, in: world.directory, environment: world.moto.clientEnvironment)
    }

    @Test func everyKindWithItsSeverityHistoryAcrossRunsAndNoMutatingCall() async throws {
        try await TierWorld.with { world in
            try Self.writeStoppedDev(world)
            let ids = try await Self.makeWhitelistDrift(world)
            let group = try #require(ids["group"])
            _ = try await world.moto.boto3("""
            rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
            arn = rds.describe_db_instances(DBInstanceIdentifier='dev-db')['DBInstances'][0]['DBInstanceArn']
            rds.add_tags_to_resource(ResourceName=arn, Tags=[{'Key': 'steward:stopped-at', 'Value': '2026-11-20T10:00:00Z'}])
            """)

            try await world.moto.startRecording()
            let first = try drift(world, ["--format", "json", "--detailed-exitcode"])
            try await world.moto.stopRecording()
            #expect(first.status == 2, "\(first.stdout)\n\(first.stderr)")
            #expect(MotoMutations.mutating(try await world.moto.downloadRecording()) == [], "drift must not change anything")
            #expect(!MotoMutations.operations(try await world.moto.downloadRecording()).isEmpty, "the recording saw the reads")

            let report = try DriftDocument.decode(first.stdout)
            #expect(report.schema == "steward.drift/v1")
            #expect(report.desired_state.contains("desired-state"))
            #expect(report.status("dev")?.status == "drifted")
            let expectations: [(kind: String, type: String, id: String, severity: String)] = [
                ("world-open-rule", "security-group-rule", "\(group)/\(ids["world"]!)", "critical"),
                ("rule-wider-than-policy", "security-group-rule", "\(group)/\(ids["wide"]!)", "critical"),
                ("expired-entry-granted", "security-group-rule", "\(group)/\(ids["expired"]!)", "critical"),
                ("unmanaged-rule", "security-group-rule", "\(group)/\(ids["ssh"]!)", "high"),
                ("unmanaged-rule", "security-group-rule", "\(group)/\(ids["plain"]!)", "medium"),
                ("database-started-behind-steward", "rds-instance", "dev-db", "high"),
                ("tier-not-as-desired", "ecs-service", "dev/api", "high"),
                ("unowned-resource", "ecs-service", "dev/legacy", "medium"),
                ("unowned-resource", "ec2-instance", world.seeded.unownedInstance, "medium"),
            ]
            for expected in expectations {
                let finding = report.finding(expected.kind, type: expected.type, id: expected.id)
                #expect(finding?.severity == expected.severity, "\(expected.kind) \(expected.id): \(String(describing: finding))")
                #expect(finding?.state == "new")
                #expect(finding?.id == "\(expected.kind):\(expected.type):\(expected.id)", "the id is kind and resource")
            }
            #expect(report.finding("tier-not-as-desired", id: "dev/api")?.message.contains("/day") == true, "a running service says what it costs")

            let second = try DriftDocument.decode(try drift(world, ["--format", "json"]).stdout)
            let worldOpen = try #require(second.finding("world-open-rule"))
            #expect(worldOpen.state == "open")
            #expect(worldOpen.first_seen == report.finding("world-open-rule")?.first_seen, "first_seen is kept")

            // Fixed by hand: resolved once, by someone else; then gone.
            _ = try await world.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ec2.revoke_security_group_ingress(GroupId='\(group)', SecurityGroupRuleIds=['\(ids["world"]!)'])
            """)
            let third = try DriftDocument.decode(try drift(world, ["--format", "json"]).stdout)
            #expect(third.finding("world-open-rule")?.state == "resolved")
            #expect(third.finding("world-open-rule")?.fixed_by == "someone-else")
            #expect(third.finding("unmanaged-rule", id: "\(group)/\(ids["ssh"]!)")?.state == "open")
            let fourth = try DriftDocument.decode(try drift(world, ["--format", "json"]).stdout)
            #expect(fourth.finding("world-open-rule") == nil, "a resolution is shown once")

            let text = try drift(world)
            #expect(text.status == 0, "without --detailed-exitcode drift exits 0")
            #expect(text.stdout.contains("dev: drifted"))
            #expect(text.stdout.contains("critical  open"))
        }
    }

    @Test func unreadableFileIsUnknownNotInSyncAndExits3() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .running)
            try "environment: qa\ntier: [running\n".write(to: world.desiredStateDirectory.appendingPathComponent("qa.yaml"), atomically: true, encoding: .utf8)
            let result = try drift(world, ["--format", "json", "--detailed-exitcode"])
            #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
            let report = try DriftDocument.decode(result.stdout)
            let qa = try #require(report.status("qa"))
            #expect(qa.status == "unknown")
            #expect(qa.reason?.contains("desired state unreadable") == true, "\(qa)")
            #expect(report.status("dev")?.status != "unknown", "what could be read is reported")
            #expect(result.stderr.contains("qa: unknown"))
        }
    }
}
