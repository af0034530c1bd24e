import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// A bastion's whole life with moto's signature and IAM checks on, as an IAM user holding
/// exactly examples/iam-policy.json: if the bastion code calls an action the policy doesn't
/// list, this fails.
@Suite(.serialized) struct BastionLeastPrivilegeTests {
    @Test func createExtendDestroyWithExactlyTheDocumentedPermissions() async throws {
        let moto = try await MotoServer.start(initialNoAuthActionCount: 100_000)
        let transport = AsyncHTTPClientTransport()
        do {
            let keys = try await moto.createIAMUsers([
                "steward": try String(contentsOfFile: LeastPrivilegeTests.policyPath, encoding: .utf8),
                "viewer": MotoServer.allowPolicy(["ec2:DescribeInstances"]),
            ])
            _ = try await moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ami = ec2.describe_images(Owners=['amazon'])['Images'][0]['ImageId']
            ec2.create_launch_template(LaunchTemplateName='dev-bastion', LaunchTemplateData={'ImageId': ami, 'InstanceType': 't3.nano'})
            """)
            try await moto.enableAuth(afterFreeCalls: 0)

            func reconciler(_ key: [String]) throws -> BastionStage {
                var environment = moto.clientEnvironment
                environment["AWS_ACCESS_KEY_ID"] = key[0]
                environment["AWS_SECRET_ACCESS_KEY"] = key[1]
                return BastionStage(ec2: EC2Client(client: try AWSClient.fromEnvironment(environment, transport: transport)),
                                    configuration: StewardConfiguration())
            }
            let dev = try EnvironmentName("dev")
            var now = BastionWorld.start
            let policy = Policy.default
            var desired = try DesiredState(environment: dev).applying(
                .createBastionLease(BastionLease(requestedBy: "U0123", requestedAt: now, expiresAt: now.addingTimeInterval(3 * 3600))),
                policy: policy, now: now)

            // Enforcement is really on: a user allowed only to describe plans, but can't launch.
            let viewer = try reconciler(try #require(keys["viewer"]))
            let viewerPlan = try #require(try await viewer.plan([(dev, desired, failed: false)], now: now).first)
            let denied = await viewer.execute(viewerPlan).results
            #expect(denied.map(\.outcome) == [.failed])
            #expect(denied.first?.message?.contains("AccessDenied") == true || denied.first?.message?.contains("403") == true)

            let steward = try reconciler(try #require(keys["steward"]))
            func pass() async throws -> [ActionResult] {
                let plans = try await steward.plan([(dev, desired, failed: false)], now: now)
                var results: [ActionResult] = []
                for plan in plans { results += await steward.execute(plan).results }
                return results
            }
            let launched = try await pass()
            #expect(launched.map(\.kind) == [.launchBastion])
            #expect(launched.map(\.outcome) == [.applied], "\(launched.compactMap(\.message))")
            #expect(launched.first?.message?.contains("not written") == false, "CreateTags of the lease tags allowed too")

            now = now.addingTimeInterval(3600)
            desired = try desired.applying(.extendBastionLease(by: policy.bastionTTL), policy: policy, now: now)
            let retagged = try await pass()
            #expect(retagged.map(\.outcome) == [.applied], "\(retagged.compactMap(\.message))")

            desired = try desired.applying(.dropBastionLease, policy: policy, now: now)
            let terminated = try await pass()
            #expect(terminated.map(\.kind) == [.terminateBastion])
            #expect(terminated.map(\.outcome) == [.applied], "\(terminated.compactMap(\.message))")
            #expect(try await steward.status(environment: dev).isEmpty)
        } catch {
            try? await transport.shutdown()
            await moto.stop()
            throw error
        }
        try? await transport.shutdown()
        await moto.stop()
    }
}
