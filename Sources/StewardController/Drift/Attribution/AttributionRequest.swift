import StewardAWS

/// Which finding to attribute: the name CloudTrail lists the resource under, and which calls
/// would have caused the finding. Also the cache key, so one resource asked about with two
/// different sets of calls is two lookups.
public struct AttributionRequest: Sendable, Hashable, CustomStringConvertible {
    /// What CloudTrail names in an event's `Resources`: an `sg-` id, an instance id, an ECS
    /// service's name or ARN, a DB instance or cluster identifier.
    public var resourceName: String
    /// Only events with one of these names count. Empty: any call that was not read-only.
    public var eventNames: Set<String>

    public init(resourceName: String, eventNames: Set<String> = []) {
        self.resourceName = resourceName
        self.eventNames = eventNames
    }

    public var description: String {
        eventNames.isEmpty ? resourceName : "\(resourceName) (\(eventNames.sorted().joined(separator: ", ")))"
    }

    /// Whether `event` could be the one that caused the finding.
    func isCause(_ event: CloudTrailEvent) -> Bool {
        guard event.eventTime != nil else { return false }
        if eventNames.isEmpty { return event.readOnly != true }
        return eventNames.contains(event.eventName)
    }
}
