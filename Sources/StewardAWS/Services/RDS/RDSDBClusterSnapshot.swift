import Foundation

/// An Aurora cluster snapshot.
public struct RDSDBClusterSnapshot: Sendable, Equatable {
    public var identifier: String
    public var clusterIdentifier: String
    public var arn: String?
    public var status: String
    public var engine: String?
    public var createdAt: Date?
    public var tags: [AWSTag]

    init(xml element: AWSXMLElement) {
        identifier = element.string("DBClusterSnapshotIdentifier") ?? ""
        clusterIdentifier = element.string("DBClusterIdentifier") ?? ""
        arn = element.string("DBClusterSnapshotArn")
        status = element.string("Status") ?? ""
        engine = element.string("Engine")
        createdAt = element.string("SnapshotCreateTime").flatMap(AWSDateParsing.iso8601)
        tags = element.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
    }
}
