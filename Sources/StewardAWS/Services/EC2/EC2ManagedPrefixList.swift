/// A customer-managed prefix list. `version` is what a modify must quote as `CurrentVersion`
/// so a concurrent edit is refused rather than silently overwritten.
public struct EC2ManagedPrefixList: Sendable, Equatable {
    public var prefixListID: String
    public var name: String
    public var addressFamily: String
    public var maxEntries: Int?
    public var version: Int?
    public var state: String
    public var arn: String?
    public var ownerID: String?
    public var tags: [AWSTag]

    init(xml item: AWSXMLElement) {
        prefixListID = item.string("prefixListId") ?? ""
        name = item.string("prefixListName") ?? ""
        addressFamily = item.string("addressFamily") ?? ""
        maxEntries = item.int("maxEntries")
        version = item.int("version")
        state = item.string("state") ?? ""
        arn = item.string("prefixListArn")
        ownerID = item.string("ownerId")
        tags = item.list("tagSet", item: "item").map(AWSTag.init(ec2Item:))
    }
}
