public struct DynamoDBStreamRecords: Sendable, Equatable, Decodable {
    public let Records: [DynamoDBStreamRecord]?
    public let NextShardIterator: String?
}
