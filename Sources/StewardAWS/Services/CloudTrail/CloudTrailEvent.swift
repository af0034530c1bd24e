import Foundation

/// One event LookupEvents returned (the API's `Event`), with the `userIdentity` of its full
/// record already decoded: the record arrives as a JSON document inside a string.
public struct CloudTrailEvent: Sendable, Hashable, Decodable {
    public let eventID: String
    /// The API call, e.g. `AuthorizeSecurityGroupIngress`.
    public let eventName: String
    public let eventTime: Date?
    /// The service called, e.g. `ec2.amazonaws.com`.
    public let eventSource: String?
    /// CloudTrail's own short name of the caller: a user name, or a role session's name.
    public let username: String?
    /// Whether the call only read; `nil` when CloudTrail did not say.
    public let readOnly: Bool?
    public let accessKeyID: String?
    public let resources: [CloudTrailEventResource]
    /// The full CloudTrail record (`CloudTrailEvent`), as the JSON text the API returned.
    public let record: String?
    /// `userIdentity` from `record`; `nil` when the record has none or cannot be read.
    public let userIdentity: CloudTrailUserIdentity?

    public init(
        eventID: String, eventName: String, eventTime: Date?, eventSource: String? = nil, username: String? = nil,
        readOnly: Bool? = nil, accessKeyID: String? = nil, resources: [CloudTrailEventResource] = [],
        record: String? = nil, userIdentity: CloudTrailUserIdentity? = nil
    ) {
        self.eventID = eventID
        self.eventName = eventName
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.username = username
        self.readOnly = readOnly
        self.accessKeyID = accessKeyID
        self.resources = resources
        self.record = record
        self.userIdentity = userIdentity
    }

    enum CodingKeys: String, CodingKey {
        case eventID = "EventId"
        case eventName = "EventName"
        case eventTime = "EventTime"
        case eventSource = "EventSource"
        case username = "Username"
        case readOnly = "ReadOnly"
        case accessKeyID = "AccessKeyId"
        case resources = "Resources"
        case record = "CloudTrailEvent"
    }

    /// The parts of the embedded record Steward reads.
    private struct Record: Decodable {
        let userIdentity: CloudTrailUserIdentity?
        let readOnly: Bool?
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        eventID = try container.decodeIfPresent(String.self, forKey: .eventID) ?? ""
        eventName = try container.decodeIfPresent(String.self, forKey: .eventName) ?? ""
        eventTime = try container.decodeIfPresent(Date.self, forKey: .eventTime)
        eventSource = try container.decodeIfPresent(String.self, forKey: .eventSource)
        username = try container.decodeIfPresent(String.self, forKey: .username)
        accessKeyID = try container.decodeIfPresent(String.self, forKey: .accessKeyID)
        resources = try container.decodeIfPresent([CloudTrailEventResource].self, forKey: .resources) ?? []
        record = try container.decodeIfPresent(String.self, forKey: .record)
        // A record that can't be read costs this event its identity, not the whole page its
        // events: the other fields still say what happened and when.
        let embedded = record.flatMap { try? AWSJSON.decoder.decode(Record.self, from: Data($0.utf8)) }
        userIdentity = embedded?.userIdentity
        // The API sends ReadOnly as the text "true"/"false"; the record as a boolean.
        let readOnlyText = try container.decodeIfPresent(String.self, forKey: .readOnly)?.lowercased()
        readOnly = readOnlyText.map { $0 == "true" } ?? embedded?.readOnly
    }
}
