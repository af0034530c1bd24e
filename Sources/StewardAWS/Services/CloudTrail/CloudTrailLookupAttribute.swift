/// One element of LookupEvents' `LookupAttributes`. The API takes exactly one per request, so
/// the client takes exactly one, not a list.
public struct CloudTrailLookupAttribute: Sendable, Hashable, Encodable {
    /// The `AttributeKey` values the API reference documents.
    public enum Key: String, Sendable, Hashable, CaseIterable, Encodable {
        case eventID = "EventId"
        case eventName = "EventName"
        case readOnly = "ReadOnly"
        case username = "Username"
        case resourceType = "ResourceType"
        case resourceName = "ResourceName"
        case eventSource = "EventSource"
        case accessKeyID = "AccessKeyId"
    }

    public let key: Key
    public let value: String

    public init(_ key: Key, _ value: String) {
        self.key = key
        self.value = value
    }

    /// Events whose `Resources` name this resource (an `sg-` id, an instance id, an ARN…).
    public static func resourceName(_ name: String) -> CloudTrailLookupAttribute {
        CloudTrailLookupAttribute(.resourceName, name)
    }

    enum CodingKeys: String, CodingKey {
        case key = "AttributeKey"
        case value = "AttributeValue"
    }
}
