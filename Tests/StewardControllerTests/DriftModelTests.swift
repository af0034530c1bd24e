import Foundation
import StewardTestSupport
import Testing

/// One drift model across every part of a pass: `steward plan --format json` lists each kind
/// with its typed resource and severity, whichever stage found it.
@Suite(.serialized) struct DriftModelTests {
    struct Item: Decodable, Hashable {
        struct Resource: Decodable, Hashable { var type: String; var id: String; var display: String }
        var kind: String
        var severity: String
        var environment: String
        var resource: Resource
        var message: String
    }

    struct Plan: Decodable { var drift: [Item] }

    @Test func planJSONListsDriftOfEveryKindWithItsResourceAndSeverity() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .stopped)
            // Steward stopped dev-db once (its tag says so) and it is available again: started behind its back.
            let orphans = try await world.moto.boto3("""
            rds = boto3.client('rds', endpoint_url=ENDPOINT, region_name='us-east-1')
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            arn = rds.describe_db_instances(DBInstanceIdentifier='dev-db')['DBInstances'][0]['DBInstanceArn']
            rds.add_tags_to_resource(ResourceName=arn, Tags=[{'Key': 'steward:stopped-at', 'Value': '2026-11-20T10:00:00Z'}])
            # Steward's own bastion and rule, in an environment desired state no longer has.
            ami = ec2.describe_images()['Images'][0]['ImageId']
            gone = [{'Key': 'Environment', 'Value': 'gone'}, {'Key': 'steward:owner', 'Value': 'steward'}]
            bastion = ec2.run_instances(ImageId=ami, MinCount=1, MaxCount=1, InstanceType='t3.micro',
                TagSpecifications=[{'ResourceType': 'instance', 'Tags': gone + [{'Key': 'Role', 'Value': 'bastion'}]}])['Instances'][0]['InstanceId']
            vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
            group = ec2.create_security_group(GroupName='gone-web', Description='gone', VpcId=vpc, TagSpecifications=[{'ResourceType': 'security-group',
                'Tags': [{'Key': 'WhitelistManaged', 'Value': 'true'}, {'Key': 'Environment', 'Value': 'gone'}]}])['GroupId']
            rule = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[{'IpProtocol': 'tcp', 'FromPort': 443, 'ToPort': 443,
                'IpRanges': [{'CidrIp': '203.0.113.10/32', 'Description': 'office'}]}],
                TagSpecifications=[{'ResourceType': 'security-group-rule', 'Tags': [{'Key': 'steward:owner', 'Value': 'steward'},
                {'Key': 'steward:environment', 'Value': 'gone'}]}])['SecurityGroupRules'][0]['SecurityGroupRuleId']
            print(json.dumps({'bastion': bastion, 'group': group, 'rule': rule}))
            """)
            let ids = try JSONDecoder().decode([String: String].self, from: Data(orphans.utf8))
            let bastion = try #require(ids["bastion"]), group = try #require(ids["group"]), rule = try #require(ids["rule"])

            let plan = try StewardBinary.run(["plan", "--format", "json"], in: world.directory, environment: world.moto.clientEnvironment)
            #expect(plan.status == 0, "\(plan.output)")
            let drift = try JSONDecoder().decode(Plan.self, from: Data(plan.output.utf8)).drift
            func find(_ kind: String, _ type: String, _ id: String) -> Item? {
                drift.first { $0.kind == kind && $0.resource.type == type && $0.resource.id == id }
            }
            let unowned = try #require(find("unowned-resource", "ecs-service", "dev/legacy"), "\(drift)")
            #expect(unowned.severity == "medium" && unowned.environment == "dev" && unowned.resource.display == "ecs:dev/legacy")
            #expect(find("unowned-resource", "ec2-instance", world.seeded.unownedInstance)?.severity == "medium")
            let restarted = try #require(find("database-started-behind-steward", "rds-instance", "dev-db"), "\(drift)")
            #expect(restarted.severity == "high" && restarted.message.contains("2026-11-20T10:00:00Z"))
            let orphanBastion = try #require(find("orphaned-resource", "bastion", bastion), "\(drift)")
            #expect(orphanBastion.environment == "gone" && orphanBastion.severity == "high")
            let orphanRule = try #require(find("orphaned-resource", "security-group-rule", "\(group)/\(rule)"), "\(drift)")
            #expect(orphanRule.environment == "gone" && orphanRule.severity == "medium")
            #expect(orphanRule.message.contains("203.0.113.10/32 tcp/443"))

            // Reported, never acted on: the orphans are still there after an apply.
            let apply = try StewardBinary.run(["apply", "--auto-approve"], in: world.directory, environment: world.moto.clientEnvironment)
            #expect(apply.status == 0, "\(apply.output)")
            let left = try await world.moto.aws(["ec2", "describe-security-group-rules", "--security-group-rule-ids", rule])
            #expect(left.contains(rule))
            let instance = try await world.moto.aws(["ec2", "describe-instances", "--instance-ids", bastion, "--query", "Reservations[].Instances[].State.Name"])
            #expect(instance.contains("running"))
        }
    }
}
