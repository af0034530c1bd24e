public struct DynamoDBStreamShard: Sendable, Equatable, Decodable {
    public struct SequenceNumberRange: Sendable, Equatable, Decodable {
        public let StartingSequenceNumber: String?
        public let EndingSequenceNumber: String?
    }

    public let ShardId: String
    public let ParentShardId: String?
    public let SequenceNumberRange: SequenceNumberRange?
}
