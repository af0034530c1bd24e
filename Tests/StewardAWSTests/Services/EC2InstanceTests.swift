import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("EC2 instances against moto", .moto, .serialized)
struct EC2InstanceTests {
    @Test func launchFromTemplateTagStopStartTerminate() async throws {
        let fixture = try MotoFixture.get()
        let ec2 = EC2Client(client: try fixture.client())
        let template = uniqueName("dev-bastion")
        _ = try await fixture.server.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        ec2.create_launch_template(LaunchTemplateName='\(template)', LaunchTemplateData={'ImageId': 'ami-12c6146b', 'InstanceType': 't3.micro'},
            TagSpecifications=[{'ResourceType': 'launch-template', 'Tags': [{'Key': 'Environment', 'Value': 'dev'}]}])
        """)
        let templates = try await ec2.describeLaunchTemplates(names: [template])
        let found = try #require(templates.first)
        #expect(found.name == template)
        #expect(found.launchTemplateID.hasPrefix("lt-"))
        #expect(found.latestVersion == 1)

        let lease = uniqueName("lease")
        let launched = try await ec2.runInstances(launchTemplate: .id(found.launchTemplateID, version: "$Latest"), tags: [AWSTag(key: "steward:lease", value: lease), AWSTag(key: "Environment", value: "dev")])
        let instance = try #require(launched.first)
        #expect(launched.count == 1)
        #expect(instance.instanceID.hasPrefix("i-"))

        try await ec2.createTags(resourceIDs: [instance.instanceID], tags: [AWSTag(key: "steward:expires", value: "2099-01-01T00:00:00Z")])
        let described = try await ec2.describeInstances(filters: [.tag("steward:lease", lease)])
        #expect(described.map(\.instanceID) == [instance.instanceID])
        #expect(described.first?.tags.value(for: "steward:expires") == "2099-01-01T00:00:00Z")
        #expect(described.first?.instanceType == "t3.micro")

        let stopped = try await ec2.stopInstances([instance.instanceID])
        #expect(stopped.first?.instanceID == instance.instanceID)
        #expect(try await ec2.describeInstances(instanceIDs: [instance.instanceID]).first?.state == "stopped")
        _ = try await ec2.startInstances([instance.instanceID])
        #expect(try await ec2.describeInstances(instanceIDs: [instance.instanceID]).first?.state == "running")
        let terminated = try await ec2.terminateInstances([instance.instanceID])
        #expect(terminated.first?.currentState.isEmpty == false)

        let cli = try parseJSON(try await fixture.server.aws(["ec2", "describe-instances", "--instance-ids", instance.instanceID])) as? [String: Any]
        let reservations = try #require(cli?["Reservations"] as? [[String: Any]])
        let state = ((reservations.first?["Instances"] as? [[String: Any]])?.first?["State"] as? [String: Any])?["Name"] as? String
        #expect(state == "terminated")
    }
}
