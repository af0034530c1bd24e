/// A security group as Steward reads it: identity and tags.
///
/// Not its permissions: DescribeSecurityGroups lists them without rule ids or rule tags, and
/// Steward acts only on rules it can prove it owns (by their tags), so rules are read with
/// `describeSecurityGroupRules`. Decoding the second, id-less view cost more than everything
/// else in the response (and would invite acting on rules without checking ownership).
public struct EC2SecurityGroup: Sendable, Equatable {
    public var groupID = ""
    public var groupName = ""
    public var description = ""
    public var vpcID: String?
    public var ownerID: String?
    public var tags: [AWSTag] = []

    init(xml item: AWSXMLElement) {
        self = item.withCursor(EC2SecurityGroup.init(cursor:))
    }

    /// One pass over the fields with a raw cursor: a Describe of many groups decodes
    /// thousands of them.
    init(cursor item: AWSXMLCursor) {
        item.forEachChild { field in
            if field.isNamed("groupId") {
                groupID = field.text
            } else if field.isNamed("groupName") {
                groupName = field.text
            } else if field.isNamed("groupDescription") {
                description = field.text
            } else if field.isNamed("vpcId") {
                vpcID = field.text
            } else if field.isNamed("ownerId") {
                ownerID = field.text
            } else if field.isNamed("tagSet") {
                tags = field.map("item", AWSTag.init(ec2Cursor:))
            }
        }
    }
}
