/// A security group as Steward reads it: identity, tags and ingress permissions.
public struct EC2SecurityGroup: Sendable, Equatable {
    public var groupID = ""
    public var groupName = ""
    public var description = ""
    public var vpcID: String?
    public var ownerID: String?
    public var tags: [AWSTag] = []
    public var ingress: [EC2IPPermission] = []

    init(xml item: AWSXMLElement) {
        // One pass over the fields: a Describe of many groups decodes thousands of them.
        item.forEachChild { name, field in
            switch name {
            case "groupId": groupID = field.text
            case "groupName": groupName = field.text
            case "groupDescription": description = field.text
            case "vpcId": vpcID = field.text
            case "ownerId": ownerID = field.text
            case "tagSet": tags = field.children("item").map(AWSTag.init(ec2Item:))
            case "ipPermissions": ingress = field.children("item").map(EC2IPPermission.init(xml:))
            default: break
            }
        }
    }
}
