/// An ECS service as Steward reads it.
public struct ECSService: Sendable, Equatable, Decodable {
    public let serviceArn: String
    public let serviceName: String
    public let clusterArn: String?
    public let status: String?
    public let desiredCount: Int
    public let runningCount: Int
    public let pendingCount: Int
    public let tags: [AWSTag]

    enum CodingKeys: String, CodingKey {
        case serviceArn, serviceName, clusterArn, status, desiredCount, runningCount, pendingCount, tags
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serviceArn = try container.decode(String.self, forKey: .serviceArn)
        serviceName = try container.decodeIfPresent(String.self, forKey: .serviceName) ?? ""
        clusterArn = try container.decodeIfPresent(String.self, forKey: .clusterArn)
        status = try container.decodeIfPresent(String.self, forKey: .status)
        desiredCount = try container.decodeIfPresent(Int.self, forKey: .desiredCount) ?? 0
        runningCount = try container.decodeIfPresent(Int.self, forKey: .runningCount) ?? 0
        pendingCount = try container.decodeIfPresent(Int.self, forKey: .pendingCount) ?? 0
        tags = (try container.decodeIfPresent([ECSTag].self, forKey: .tags) ?? []).map(\.tag)
    }
}
