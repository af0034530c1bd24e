import Foundation

/// One change: `INSERT`, `MODIFY` or `REMOVE`, with keys and images.
public struct DynamoDBStreamRecord: Sendable, Equatable, Decodable {
    public struct Change: Sendable, Equatable, Decodable {
        public let Keys: DynamoDBItem?
        public let NewImage: DynamoDBItem?
        public let OldImage: DynamoDBItem?
        public let SequenceNumber: String?
        public let ApproximateCreationDateTime: Date?
    }

    public let eventID: String?
    public let eventName: String?
    public let dynamodb: Change?
}
