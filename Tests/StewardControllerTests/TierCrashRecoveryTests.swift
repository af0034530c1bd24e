import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward apply` tearing an environment down, killed with SIGKILL at the most dangerous
/// moment (the final snapshot made, its answer not yet read), then run again: the second run
/// finds the snapshot, takes no second one, and deletes only once it has seen it available.
@Suite(.serialized) struct TierCrashRecoveryTests {
    @Test func teardownKilledAfterTheSnapshotThenRerunDeletesOnlyBehindThatSnapshot() async throws {
        try await TierWorld.with { world in
            try world.writeDesired(tier: .tornDown)
            try await KilledApply.run(holding: "CreateDBSnapshot", moto: world.moto, in: world.directory) { killed, environment in
                #expect(killed.held, "steward apply never took the final snapshot")
                #expect(killed.terminationReason == .uncaughtSignal)

                var estate = try await world.estate()
                #expect(estate.databases["dev-db"] != nil, "deleted although its snapshot was never seen")
                #expect(estate.snapshots.count == 1)

                let second = try await StewardBinary.launch(["apply", "--auto-approve"], in: world.directory, environment: environment)
                #expect(second.status == 0, "\(second.output)")
                estate = try await world.estate()
                #expect(estate.databases["dev-db"] == nil)
                #expect(estate.clusters["dev-aurora"] == nil)
                #expect(estate.snapshots.count == 1, "a second final snapshot: \(estate.snapshots)")
                #expect(estate.snapshots.values.allSatisfy { $0 == "available" })
                #expect(estate.clusterSnapshots.count == 1)
                let third = try await StewardBinary.launch(["plan", "--detailed-exitcode"], in: world.directory, environment: environment)
                #expect(third.status == 0, "converged: \(third.output)")
            }
        }
    }

    @Test func applyKilledWhileItsBastionLaunchIsInFlightThenRerunLaunchesNoSecond() async throws {
        try await TierWorld.with { world in
            _ = try await world.moto.boto3("""
            ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
            ami = ec2.describe_images()['Images'][0]['ImageId']
            ec2.create_launch_template(LaunchTemplateName='dev-bastion', LaunchTemplateData={'ImageId': ami, 'InstanceType': 't3.nano'})
            """)
            let now = Date()
            try DesiredStateYAML(bastion: DesiredStateYAML.Lease(requestedBy: "U0123", requestedAt: now.addingTimeInterval(-60), expiresAt: now.addingTimeInterval(3600)))
                .write(in: world.desiredStateDirectory)
            try await KilledApply.run(holding: "RunInstances", moto: world.moto, in: world.directory) { killed, environment in
                #expect(killed.held, "steward apply never launched the bastion")

                let second = try await StewardBinary.launch(["apply", "--auto-approve"], in: world.directory, environment: environment)
                #expect(second.status == 0, "\(second.output)")
                let bastions = try await world.moto.boto3("""
                ec2 = boto3.client('ec2', endpoint_url=ENDPOINT, region_name='us-east-1')
                found = [i['InstanceId'] for r in ec2.describe_instances(Filters=[{'Name': 'tag:Role', 'Values': ['bastion']},
                         {'Name': 'instance-state-name', 'Values': ['pending', 'running']}])['Reservations'] for i in r['Instances']]
                print(json.dumps(found))
                """)
                #expect(try JSONDecoder().decode([String].self, from: Data(bastions.utf8)).count == 1, "one lease, one bastion: \(bastions)")
            }
        }
    }
}
