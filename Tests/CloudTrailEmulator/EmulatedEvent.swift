import Foundation

/// An event the test seeds: what LookupEvents will return for it, record included.
public struct EmulatedEvent: Sendable, Hashable {
    public var eventID: String
    public var eventName: String
    public var eventTime: Date
    public var eventSource: String
    public var resources: [EmulatedResource]
    public var identity: EmulatedIdentity
    public var readOnly: Bool
    public var accessKeyID: String?

    public init(
        eventID: String = UUID().uuidString.lowercased(),
        eventName: String,
        eventTime: Date,
        eventSource: String = "ec2.amazonaws.com",
        resources: [EmulatedResource],
        identity: EmulatedIdentity,
        readOnly: Bool = false,
        accessKeyID: String? = nil
    ) {
        self.eventID = eventID
        self.eventName = eventName
        self.eventTime = eventTime
        self.eventSource = eventSource
        self.resources = resources
        self.identity = identity
        self.readOnly = readOnly
        self.accessKeyID = accessKeyID ?? identity.userIdentity["accessKeyId"]?.stringValue
    }

    /// An event on one resource.
    public init(_ eventName: String, on resourceName: String, type resourceType: String = "AWS::EC2::SecurityGroup", at time: Date, by identity: EmulatedIdentity, source: String = "ec2.amazonaws.com", readOnly: Bool = false) {
        self.init(eventName: eventName, eventTime: time, eventSource: source, resources: [EmulatedResource(type: resourceType, name: resourceName)], identity: identity, readOnly: readOnly)
    }
}
