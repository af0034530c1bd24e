/// A launch template (bastions launch from `<env>-bastion`).
public struct EC2LaunchTemplate: Sendable, Equatable {
    public var launchTemplateID: String
    public var name: String
    public var defaultVersion: Int?
    public var latestVersion: Int?
    public var tags: [AWSTag]

    init(xml item: AWSXMLElement) {
        launchTemplateID = item.string("launchTemplateId") ?? ""
        name = item.string("launchTemplateName") ?? ""
        defaultVersion = item.int("defaultVersionNumber")
        latestVersion = item.int("latestVersionNumber")
        tags = item.list("tagSet", item: "item").map(AWSTag.init(ec2Item:))
    }
}
