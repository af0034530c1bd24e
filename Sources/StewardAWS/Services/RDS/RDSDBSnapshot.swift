import Foundation

/// A DB instance snapshot.
public struct RDSDBSnapshot: Sendable, Equatable {
    public var identifier: String
    public var instanceIdentifier: String
    public var arn: String?
    public var status: String
    public var createdAt: Date?
    public var tags: [AWSTag]

    init(xml element: AWSXMLElement) {
        identifier = element.string("DBSnapshotIdentifier") ?? ""
        instanceIdentifier = element.string("DBInstanceIdentifier") ?? ""
        arn = element.string("DBSnapshotArn")
        status = element.string("Status") ?? ""
        createdAt = element.string("SnapshotCreateTime").flatMap(AWSDateParsing.iso8601)
        tags = element.list("TagList", item: "Tag").map(AWSTag.init(rdsTag:))
    }
}
