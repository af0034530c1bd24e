import Foundation

/// An EC2 instance as Steward reads it (bastions, tier members).
public struct EC2Instance: Sendable, Equatable {
    public var instanceID: String
    /// `pending`, `running`, `stopping`, `stopped`, `shutting-down`, `terminated`.
    public var state: String
    public var instanceType: String?
    public var imageID: String?
    public var launchTime: Date?
    public var privateIPAddress: String?
    public var publicIPAddress: String?
    public var tags: [AWSTag]

    init(xml item: AWSXMLElement) {
        instanceID = item.string("instanceId") ?? ""
        state = item.path("instanceState", "name")?.text ?? ""
        instanceType = item.string("instanceType")
        imageID = item.string("imageId")
        launchTime = item.string("launchTime").flatMap(AWSDateParsing.iso8601)
        privateIPAddress = item.string("privateIpAddress")
        publicIPAddress = item.string("ipAddress")
        tags = item.list("tagSet", item: "item").map(AWSTag.init(ec2Item:))
    }
}
