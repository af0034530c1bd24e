/// Tags to apply to a resource as it is created (`security-group-rule`, `instance`, …).
public struct EC2TagSpecification: Sendable, Equatable {
    public var resourceType: String
    public var tags: [AWSTag]

    public init(resourceType: String, tags: [AWSTag]) {
        self.resourceType = resourceType
        self.tags = tags
    }
}
