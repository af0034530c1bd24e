/// An RDS DB instance as Steward reads it.
public struct RDSDBInstance: Sendable, Equatable {
    public var identifier: String
    public var arn: String
    /// `available`, `stopped`, `starting`, `stopping`, `modifying`, …
    public var status: String
    public var engine: String
    public var instanceClass: String?
    public var clusterIdentifier: String?
    public var multiAZ: Bool
    public var readReplicaSource: String?
    public var deletionProtection: Bool
    public var tags: [AWSTag]
    // What a restore from snapshot needs to recreate the instance as it was.
    public var engineVersion: String?
    public var port: Int?
    public var subnetGroupName: String?
    public var vpcSecurityGroupIDs: [String]
    public var parameterGroupName: String?

    init(xml element: AWSXMLElement) {
        identifier = element.string("DBInstanceIdentifier") ?? ""
        arn = element.string("DBInstanceArn") ?? ""
        status = element.string("DBInstanceStatus") ?? ""
        engine = element.string("Engine") ?? ""
        instanceClass = element.string("DBInstanceClass")
        clusterIdentifier = element.string("DBClusterIdentifier")
        multiAZ = element.bool("MultiAZ") ?? false
        readReplicaSource = element.string("ReadReplicaSourceDBInstanceIdentifier")
        deletionProtection = element.bool("DeletionProtection") ?? false
        tags = element.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
        engineVersion = element.string("EngineVersion")
        port = element.child("Endpoint")?.int("Port") ?? element.int("DbInstancePort").flatMap { $0 == 0 ? nil : $0 }
        subnetGroupName = element.child("DBSubnetGroup")?.string("DBSubnetGroupName")
        vpcSecurityGroupIDs = element.list("VpcSecurityGroups", item: "VpcSecurityGroupMembership").compactMap { $0.string("VpcSecurityGroupId") }
        parameterGroupName = element.list("DBParameterGroups", item: "DBParameterGroup").first?.string("DBParameterGroupName")
    }
}
