/// A registered scalable target (e.g. an ECS service's DesiredCount).
public struct ScalableTarget: Sendable, Equatable, Decodable {
    public let serviceNamespace: String
    public let resourceID: String
    public let scalableDimension: String
    public let minCapacity: Int
    public let maxCapacity: Int

    enum CodingKeys: String, CodingKey {
        case serviceNamespace = "ServiceNamespace"
        case resourceID = "ResourceId"
        case scalableDimension = "ScalableDimension"
        case minCapacity = "MinCapacity"
        case maxCapacity = "MaxCapacity"
    }
}
