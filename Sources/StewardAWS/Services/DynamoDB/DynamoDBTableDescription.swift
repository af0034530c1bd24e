/// What Steward checks of a table: that it exists with the expected keys and index.
public struct DynamoDBTableDescription: Sendable, Equatable, Decodable {
    public struct KeyElement: Sendable, Equatable, Decodable {
        public let AttributeName: String
        public let KeyType: String
    }

    public struct Index: Sendable, Equatable, Decodable {
        public let IndexName: String
        public let KeySchema: [KeyElement]?
        public let IndexStatus: String?
    }

    public let TableName: String
    public let TableStatus: String?
    public let KeySchema: [KeyElement]?
    public let GlobalSecondaryIndexes: [Index]?
    public let LatestStreamArn: String?
    public let ItemCount: Int?
}
