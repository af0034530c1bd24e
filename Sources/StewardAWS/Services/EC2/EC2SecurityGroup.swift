/// A security group as Steward reads it: identity, tags and ingress permissions.
public struct EC2SecurityGroup: Sendable, Equatable {
    public var groupID: String
    public var groupName: String
    public var description: String
    public var vpcID: String?
    public var ownerID: String?
    public var tags: [AWSTag]
    public var ingress: [EC2IPPermission]

    init(xml item: AWSXMLElement) {
        groupID = item.string("groupId") ?? ""
        groupName = item.string("groupName") ?? ""
        description = item.string("groupDescription") ?? ""
        vpcID = item.string("vpcId")
        ownerID = item.string("ownerId")
        tags = item.list("tagSet", item: "item").map(AWSTag.init(ec2Item:))
        ingress = item.list("ipPermissions", item: "item").map(EC2IPPermission.init(xml:))
    }
}
