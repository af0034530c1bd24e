/// An Aurora DB cluster (stopped and started as a whole, never per member).
public struct RDSDBCluster: Sendable, Equatable {
    public var identifier: String
    public var arn: String
    public var status: String
    public var engine: String
    public var memberInstanceIdentifiers: [String]
    public var deletionProtection: Bool
    public var tags: [AWSTag]
    // What a restore from snapshot needs to recreate the cluster as it was.
    public var engineVersion: String?
    public var port: Int?
    public var subnetGroupName: String?
    public var vpcSecurityGroupIDs: [String]
    public var parameterGroupName: String?

    init(xml element: AWSXMLElement) {
        identifier = element.string("DBClusterIdentifier") ?? ""
        arn = element.string("DBClusterArn") ?? ""
        status = element.string("Status") ?? ""
        engine = element.string("Engine") ?? ""
        memberInstanceIdentifiers = element.list("DBClusterMembers", item: "DBClusterMember").compactMap { $0.string("DBInstanceIdentifier") }
        deletionProtection = element.bool("DeletionProtection") ?? false
        tags = element.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
        engineVersion = element.string("EngineVersion")
        port = element.int("Port")
        subnetGroupName = element.string("DBSubnetGroup")
        vpcSecurityGroupIDs = element.list("VpcSecurityGroups", item: "VpcSecurityGroupMembership").compactMap { $0.string("VpcSecurityGroupId") }
        parameterGroupName = element.string("DBClusterParameterGroup")
    }
}
