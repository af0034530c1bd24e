/// DynamoDB Streams (JSON 1.0, endpoint `streams.dynamodb`, signs as `dynamodb`): reading
/// change records to wake the reconcile loop.
public struct DynamoDBStreamsClient: Sendable {
    public let client: AWSClient

    public init(client: AWSClient) {
        self.client = client
    }

    /// The stream and all its shards (pages on `LastEvaluatedShardId`).
    public func describeStream(arn: String) async throws -> DynamoDBStreamDescription {
        struct Input: Encodable { let StreamArn: String; let ExclusiveStartShardId: String? }
        struct Output: Decodable { let StreamDescription: DynamoDBStreamDescription }
        var first: DynamoDBStreamDescription?
        let shards: [DynamoDBStreamShard] = try await AWSPaging.collect(operation: "dynamodbstreams:DescribeStream") { token in
            let output: Output = try await client.json(service: .dynamoDBStreams, operation: "DescribeStream", input: Input(StreamArn: arn, ExclusiveStartShardId: token))
            if first == nil { first = output.StreamDescription }
            return (output.StreamDescription.Shards ?? [], output.StreamDescription.LastEvaluatedShardId)
        }
        guard var description = first else {
            throw AWSClientError(.malformedResponse, operation: "dynamodbstreams:DescribeStream", message: "no StreamDescription")
        }
        description.Shards = shards
        description.LastEvaluatedShardId = nil
        return description
    }

    /// `TRIM_HORIZON`, `LATEST`, `AT_SEQUENCE_NUMBER` or `AFTER_SEQUENCE_NUMBER`.
    public func getShardIterator(streamARN: String, shardID: String, type: String, sequenceNumber: String? = nil) async throws -> String {
        struct Input: Encodable { let StreamArn: String; let ShardId: String; let ShardIteratorType: String; let SequenceNumber: String? }
        struct Output: Decodable { let ShardIterator: String? }
        let output: Output = try await client.json(service: .dynamoDBStreams, operation: "GetShardIterator", input: Input(StreamArn: streamARN, ShardId: shardID, ShardIteratorType: type, SequenceNumber: sequenceNumber))
        guard let iterator = output.ShardIterator else {
            throw AWSClientError(.malformedResponse, operation: "dynamodbstreams:GetShardIterator", message: "no ShardIterator")
        }
        return iterator
    }

    /// One batch of records and the iterator for the next (nil when the shard is closed).
    public func getRecords(iterator: String, limit: Int? = nil) async throws -> DynamoDBStreamRecords {
        struct Input: Encodable { let ShardIterator: String; let Limit: Int? }
        return try await client.json(service: .dynamoDBStreams, operation: "GetRecords", input: Input(ShardIterator: iterator, Limit: limit))
    }
}
