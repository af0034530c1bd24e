/// One security group rule, with the id that lets Steward revoke exactly it.
public struct EC2SecurityGroupRule: Sendable, Equatable {
    public var ruleID: String
    public var groupID: String
    public var isEgress: Bool
    public var ipProtocol: String
    public var fromPort: Int?
    public var toPort: Int?
    public var cidrIPv4: String?
    public var cidrIPv6: String?
    public var prefixListID: String?
    public var referencedGroupID: String?
    public var description: String?
    public var tags: [AWSTag]

    init(xml item: AWSXMLElement) {
        ruleID = item.string("securityGroupRuleId") ?? ""
        groupID = item.string("groupId") ?? ""
        isEgress = item.bool("isEgress") ?? false
        ipProtocol = item.string("ipProtocol") ?? "-1"
        fromPort = item.int("fromPort")
        toPort = item.int("toPort")
        cidrIPv4 = item.string("cidrIpv4")
        cidrIPv6 = item.string("cidrIpv6")
        prefixListID = item.string("prefixListId")
        referencedGroupID = item.path("referencedGroupInfo", "groupId")?.text
        description = item.string("description")
        tags = item.list("tagSet", item: "item").map(AWSTag.init(ec2Item:))
    }
}
