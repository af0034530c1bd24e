public struct DynamoDBStreamDescription: Sendable, Equatable, Decodable {
    public let StreamArn: String
    public let StreamStatus: String?
    public let StreamViewType: String?
    public let TableName: String?
    public internal(set) var Shards: [DynamoDBStreamShard]?
    public internal(set) var LastEvaluatedShardId: String?
}
