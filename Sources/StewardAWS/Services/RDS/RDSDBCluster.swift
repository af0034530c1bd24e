/// An Aurora DB cluster (stopped and started as a whole, never per member).
public struct RDSDBCluster: Sendable, Equatable {
    public var identifier: String
    public var arn: String
    public var status: String
    public var engine: String
    public var memberInstanceIdentifiers: [String]
    public var deletionProtection: Bool
    public var tags: [AWSTag]

    init(xml element: AWSXMLElement) {
        identifier = element.string("DBClusterIdentifier") ?? ""
        arn = element.string("DBClusterArn") ?? ""
        status = element.string("Status") ?? ""
        engine = element.string("Engine") ?? ""
        memberInstanceIdentifiers = element.list("DBClusterMembers", item: "DBClusterMember").compactMap { $0.string("DBInstanceIdentifier") }
        deletionProtection = element.bool("DeletionProtection") ?? false
        tags = element.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
    }
}
