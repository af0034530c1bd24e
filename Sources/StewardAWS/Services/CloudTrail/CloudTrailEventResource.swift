/// A resource an event names (`Resources[]`), e.g. `AWS::EC2::SecurityGroup` `sg-0abc…`.
public struct CloudTrailEventResource: Sendable, Hashable, Decodable {
    public let type: String?
    public let name: String?

    public init(type: String?, name: String?) {
        self.type = type
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case type = "ResourceType"
        case name = "ResourceName"
    }
}
