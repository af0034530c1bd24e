import Foundation
import StewardAWS
import StewardTestSupport
import Testing

@Suite("RDS against moto", .moto, .serialized)
struct RDSTests {
    func createInstance(_ moto: MotoServer, _ identifier: String, environment: String) async throws {
        _ = try await moto.boto3("""
        rds = boto3.client('rds', endpoint_url=ENDPOINT)
        rds.create_db_instance(DBInstanceIdentifier='\(identifier)', DBInstanceClass='db.t3.micro', Engine='postgres',
            MasterUsername='admin', MasterUserPassword='password123', AllocatedStorage=20,
            Tags=[{'Key': 'Environment', 'Value': '\(environment)'}])
        """)
    }

    @Test func instancesStopStartSnapshotRestoreTagDeleteAndPaging() async throws {
        let fixture = try MotoFixture.get()
        let rds = RDSClient(client: try fixture.client())
        let environment = uniqueName("env")
        let ids = (0..<3).map { "\(environment)-db\($0)" }
        for id in ids { try await createInstance(fixture.server, id, environment: environment) }

        // MaxRecords 20 is RDS's minimum; moto pages on Marker, so list all and check completeness.
        let all = try await rds.describeDBInstances(pageSize: 20)
        #expect(Set(ids).isSubset(of: Set(all.map(\.identifier))))
        let one = try #require(try await rds.describeDBInstances(filters: [RDSFilter(name: "db-instance-id", values: [ids[0]])]).first)
        #expect(one.status == "available")
        #expect(one.tags.value(for: "Environment") == environment)

        #expect(try await rds.stopDBInstance(identifier: ids[0]).identifier == ids[0])
        #expect(try await rds.describeDBInstances(identifier: ids[0]).first?.status == "stopped")
        let again = try await #require(throws: AWSError.self) { try await rds.stopDBInstance(identifier: ids[0]) }
        #expect(again.code == "InvalidDBInstanceState")
        try await rds.startDBInstance(identifier: ids[0])

        let snapshot = try await rds.createDBSnapshot(instanceIdentifier: ids[1], snapshotIdentifier: "\(ids[1])-snap", tags: [AWSTag(key: "steward:owner", value: "steward")])
        #expect(snapshot.identifier == "\(ids[1])-snap")
        let snapshots = try await rds.describeDBSnapshots(instanceIdentifier: ids[1])
        #expect(snapshots.map(\.identifier).contains("\(ids[1])-snap"))

        try await rds.addTagsToResource(arn: one.arn, tags: [AWSTag(key: "steward:stopped-at", value: "2026-01-01")])
        #expect(try await rds.listTagsForResource(arn: one.arn).value(for: "steward:stopped-at") == "2026-01-01")

        let securityGroup = try await fixture.server.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        vpc = ec2.describe_vpcs()['Vpcs'][0]['VpcId']
        print(ec2.create_security_group(GroupName='\(environment)-db', Description='db', VpcId=vpc)['GroupId'])
        """).trimmingCharacters(in: .whitespacesAndNewlines)
        let restored = try await rds.restoreDBInstanceFromDBSnapshot(identifier: "\(ids[1])-restored", snapshotIdentifier: "\(ids[1])-snap",
                                                                     options: RDSRestoreOptions(vpcSecurityGroupIDs: [securityGroup], tags: [AWSTag(key: "Environment", value: environment)]))
        #expect(restored.identifier == "\(ids[1])-restored")
        let cli = try await fixture.server.aws(["rds", "describe-db-instances", "--db-instance-identifier", "\(ids[1])-restored"])
        #expect(cli.contains(securityGroup))

        try await rds.deleteDBInstance(identifier: ids[2], finalSnapshot: .snapshot(identifier: "\(ids[2])-final"))
        #expect(try await rds.describeDBSnapshots(snapshotIdentifier: "\(ids[2])-final").count == 1)
        try await rds.deleteDBInstance(identifier: "\(ids[1])-restored", finalSnapshot: .skip)

        let invalid = try await #require(throws: AWSClientError.self) { try await rds.deleteDBInstance(identifier: ids[0], finalSnapshot: .snapshot(identifier: "bad--name-")) }
        #expect(invalid.kind == .invalidRequest)
    }

    @Test func auroraClusterStopStartSnapshotRestoreDelete() async throws {
        let fixture = try MotoFixture.get()
        let rds = RDSClient(client: try fixture.client())
        let cluster = uniqueName("aurora")
        _ = try await fixture.server.boto3("""
        rds = boto3.client('rds', endpoint_url=ENDPOINT)
        rds.create_db_cluster(DBClusterIdentifier='\(cluster)', Engine='aurora-postgresql', MasterUsername='admin', MasterUserPassword='password123',
            Tags=[{'Key': 'Environment', 'Value': 'dev'}])
        """)
        let found = try #require(try await rds.describeDBClusters(identifier: cluster).first)
        #expect(found.status == "available")
        #expect(found.engine == "aurora-postgresql")
        try await rds.stopDBCluster(identifier: cluster)
        #expect(try await rds.describeDBClusters(identifier: cluster).first?.status == "stopped")
        try await rds.startDBCluster(identifier: cluster)

        let snapshot = try await rds.createDBClusterSnapshot(clusterIdentifier: cluster, snapshotIdentifier: "\(cluster)-snap")
        #expect(snapshot.status == "available")
        // moto also lists the automated snapshot taken at creation.
        #expect(try await rds.describeDBClusterSnapshots(clusterIdentifier: cluster).map(\.identifier).contains("\(cluster)-snap"))
        let restored = try await rds.restoreDBClusterFromSnapshot(identifier: "\(cluster)-restored", snapshotIdentifier: "\(cluster)-snap", engine: "aurora-postgresql")
        #expect(restored.identifier == "\(cluster)-restored")

        try await rds.deleteDBCluster(identifier: "\(cluster)-restored", finalSnapshot: .skip)
        try await rds.deleteDBCluster(identifier: cluster, finalSnapshot: .snapshot(identifier: "\(cluster)-final"))
        let cli = try await fixture.server.aws(["rds", "describe-db-cluster-snapshots", "--db-cluster-snapshot-identifier", "\(cluster)-final"])
        #expect(cli.contains("\(cluster)-final"))
    }
}
