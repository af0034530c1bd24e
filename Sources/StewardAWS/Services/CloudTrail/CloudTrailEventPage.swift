/// One LookupEvents response: events newest first, and the token for the next page (`nil` on
/// the last).
public struct CloudTrailEventPage: Sendable, Hashable, Decodable {
    public let events: [CloudTrailEvent]
    public let nextToken: String?

    public init(events: [CloudTrailEvent], nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }

    enum CodingKeys: String, CodingKey {
        case events = "Events"
        case nextToken = "NextToken"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        events = try container.decodeIfPresent([CloudTrailEvent].self, forKey: .events) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }
}
