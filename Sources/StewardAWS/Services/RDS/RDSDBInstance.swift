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
    }
}
