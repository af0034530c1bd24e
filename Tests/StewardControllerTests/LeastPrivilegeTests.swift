import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Testing

/// The loop runs with moto's signature and IAM checks on, as an IAM user holding exactly
/// examples/iam-policy.json: if Steward calls an action the policy doesn't list, this fails.
@Suite(.serialized) struct LeastPrivilegeTests {
    static var policyPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/iam-policy.json").path
    }

    @Test func theLoopConvergesWithExactlyTheDocumentedPermissions() async throws {
        let moto = try await MotoServer.start(initialNoAuthActionCount: 100_000)
        let transport = AsyncHTTPClientTransport()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-iam-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            var keys = try await moto.createIAMUsers([
                "steward": try String(contentsOfFile: Self.policyPath, encoding: .utf8),
                "admin": MotoServer.allowPolicy(["*"]),
                "describeOnly": MotoServer.allowPolicy(["ec2:DescribeSecurityGroups", "ec2:DescribeSecurityGroupRules"]),
            ])
            keys["group"] = [try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
            tags = [{'ResourceType': 'security-group', 'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'dev'}]}]
            print(ec2.create_security_group(GroupName='web', Description='web', VpcId=vpc, TagSpecifications=tags)['GroupId'])
            """).trimmingCharacters(in: .whitespacesAndNewlines)]
            let group = try #require(keys["group"]?.first)
            try await moto.enableAuth(afterFreeCalls: 0)

            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let now = Date()
            try DesiredStateYAML(whitelist: [DesiredStateYAML.Entry(cidr: "203.0.113.10/32", description: "John office IP",
                                                                     addedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(86_400))])
                .write(in: directory)

            func reconciler(_ key: [String]) throws -> Reconciler {
                var environment = moto.clientEnvironment
                environment["AWS_ACCESS_KEY_ID"] = key[0]
                environment["AWS_SECRET_ACCESS_KEY"] = key[1]
                return Reconciler(store: YAMLDirectoryStore(directory: directory), aws: try AWSClient.fromEnvironment(environment, transport: transport),
                                  configuration: StewardConfiguration(), audit: nil, stages: .whitelistOnly)
            }

            // Enforcement is really on: a user allowed only to describe can plan but not authorize.
            let viewer = try await reconciler(try #require(keys["describeOnly"])).reconcile()
            #expect(viewer.failure == nil)
            #expect(viewer.results.first?.outcome == .failed)
            #expect(viewer.results.first?.message?.contains("AccessDenied") == true || viewer.results.first?.message?.contains("403") == true)

            // With the documented policy: add, then change the description, then remove.
            let steward = try reconciler(try #require(keys["steward"]))
            let added = await steward.reconcile()
            #expect(added.failure == nil)
            #expect(added.results.map(\.outcome) == [.applied])

            let admin = try #require(keys["admin"])
            let crossCheck = """
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            print(json.dumps([r.get('CidrIpv4') for r in ec2.describe_security_group_rules(Filters=[{'Name': 'group-id', 'Values': ['\(group)']}])['SecurityGroupRules'] if not r['IsEgress']]))
            """
            let adminEnvironment = ["AWS_ACCESS_KEY_ID": admin[0], "AWS_SECRET_ACCESS_KEY": admin[1]]
            #expect(try await moto.boto3(crossCheck, environment: adminEnvironment).contains("203.0.113.10/32"))

            let text = try String(contentsOf: directory.appendingPathComponent("dev.yaml"), encoding: .utf8)
            try text.replacingOccurrences(of: "John office IP", with: "John home").write(to: directory.appendingPathComponent("dev.yaml"), atomically: true, encoding: .utf8)
            let updated = await steward.reconcile()
            #expect(updated.results.map(\.outcome) == [.applied], "\(updated.results)")

            try DesiredStateYAML().write(in: directory)
            let removed = await steward.reconcile()
            #expect(removed.results.map(\.outcome) == [.applied], "\(removed.results)")
            #expect(try await moto.boto3(crossCheck, environment: adminEnvironment).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        } catch {
            try? await transport.shutdown()
            await moto.stop()
            throw error
        }
        try? await transport.shutdown()
        await moto.stop()
    }
}
