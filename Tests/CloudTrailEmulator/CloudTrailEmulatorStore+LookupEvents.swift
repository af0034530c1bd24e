import Foundation
import StewardTestSupport

/// LookupEvents as the API reference describes it, checked in the order AWS does its work:
/// the request's envelope and signature, the account's rate, its permission, then the input.
extension CloudTrailEmulatorStore {
    static let allowedAttributeKeys: Set<String> = [
        "EventId", "EventName", "ReadOnly", "Username", "ResourceType", "ResourceName", "EventSource", "AccessKeyId",
    ]
    static let maximumPageSize = 50
    /// LookupEvents' limit per account and region.
    static let requestsPerSecond = 2

    func lookupEvents(_ request: LocalHTTPRequest, arrival: ContinuousClock.Instant, state: inout CloudTrailEmulatorState) throws(CloudTrailAPIError) -> (events: [EmulatedEvent], body: [UInt8]) {
        try checkEnvelope(request)
        let accessKey = try checkSignature(request)
        try admit(arrival, state: &state)
        if state.accessDenied {
            throw CloudTrailAPIError(type: "AccessDeniedException", message: "User: arn:aws:iam::\(account):user/\(accessKey) is not authorized to perform: cloudtrail:LookupEvents because no identity-based policy allows the cloudtrail:LookupEvents action")
        }
        let input: LookupEventsInput
        do {
            input = try JSONDecoder().decode(LookupEventsInput.self, from: Data(request.body))
        } catch {
            throw .serialization("the body is not a LookupEvents request: \(error)")
        }
        let filter = try attributeFilter(input.LookupAttributes)
        let pageSize = input.MaxResults ?? Self.maximumPageSize
        guard (1...Self.maximumPageSize).contains(pageSize) else {
            throw CloudTrailAPIError(type: "InvalidMaxResultsException", message: "MaxResults must be between 1 and \(Self.maximumPageSize), got \(pageSize)")
        }
        if let start = input.StartTime, let end = input.EndTime, start > end {
            throw CloudTrailAPIError(type: "InvalidTimeRangeException", message: "StartTime must be before EndTime")
        }
        if let category = input.EventCategory, category != "insight" {
            throw CloudTrailAPIError(type: "InvalidEventCategoryException", message: "EventCategory must be insight")
        }
        var offset = 0
        if let token = input.NextToken {
            guard let cursor = state.cursors[token], cursor.fingerprint == input.pagingFingerprint else {
                throw CloudTrailAPIError(type: "InvalidNextTokenException", message: "the NextToken is not valid or was issued for different parameters")
            }
            offset = cursor.offset
        }
        // Insights events are never seeded: asking for them finds none.
        var matching: [EmulatedEvent] = []
        if input.EventCategory == nil {
            matching = state.events
                .filter { filter($0.event) && Self.isInRange($0.event.eventTime, from: input.StartTime, to: input.EndTime) }
                .sorted { ($0.event.eventTime, $0.sequence) > ($1.event.eventTime, $1.sequence) }
                .map(\.event)
        }
        let page = Array(matching.dropFirst(offset).prefix(pageSize))
        var output: [String: EmulatorJSON] = ["Events": .array(page.map(wireEvent))]
        if offset + pageSize < matching.count {
            let token = UUID().uuidString
            state.cursors[token] = PageCursor(fingerprint: input.pagingFingerprint, offset: offset + pageSize)
            output["NextToken"] = .string(token)
        }
        return (page, Self.encode(.object(output)))
    }

    private func checkEnvelope(_ request: LocalHTTPRequest) throws(CloudTrailAPIError) {
        guard request.method == "POST", request.uri == "/" else {
            throw CloudTrailAPIError(type: "UnknownOperationException", message: "JSON 1.1 operations are POST /, got \(request.method) \(request.uri)", status: request.method == "POST" ? 404 : 405)
        }
        guard request.header("x-amz-target") == CloudTrailEmulator.lookupEventsTarget else {
            throw CloudTrailAPIError(type: "UnknownOperationException", message: "unknown X-Amz-Target \(request.header("x-amz-target") ?? "(none)"); this emulator serves \(CloudTrailEmulator.lookupEventsTarget)")
        }
        let mediaType = request.header("content-type")?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard mediaType == "application/x-amz-json-1.1" else {
            throw .serialization("Content-Type must be application/x-amz-json-1.1, got \(request.header("content-type") ?? "(none)")")
        }
    }

    /// A SigV4 header scoped to this region and to `cloudtrail`; the signature itself is not
    /// recomputed. Returns the access key id.
    private func checkSignature(_ request: LocalHTTPRequest) throws(CloudTrailAPIError) -> String {
        guard let authorization = request.header("authorization"), !authorization.isEmpty else {
            throw CloudTrailAPIError(type: "MissingAuthenticationTokenException", message: "Missing Authentication Token")
        }
        guard authorization.hasPrefix("AWS4-HMAC-SHA256 "),
              let credential = Self.field("Credential", in: authorization),
              Self.field("SignedHeaders", in: authorization) != nil,
              Self.field("Signature", in: authorization) != nil,
              request.header("x-amz-date") != nil
        else {
            throw CloudTrailAPIError(type: "IncompleteSignatureException", message: "Authorization must be AWS4-HMAC-SHA256 with Credential, SignedHeaders and Signature, and X-Amz-Date must be set")
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard scope.count == 5, scope[3] == "cloudtrail", scope[4] == "aws4_request" else {
            throw CloudTrailAPIError(type: "InvalidSignatureException", message: "Credential should be scoped to correct service: 'cloudtrail'.")
        }
        guard scope[2] == region else {
            throw CloudTrailAPIError(type: "InvalidSignatureException", message: "Credential should be scoped to a valid region: '\(region)'.")
        }
        return scope[0]
    }

    /// Two requests in any second per account; this emulator is one account and region.
    private func admit(_ arrival: ContinuousClock.Instant, state: inout CloudTrailEmulatorState) throws(CloudTrailAPIError) {
        state.admitted.removeAll { arrival - $0 >= .seconds(1) }
        guard !state.throttlingEverything, state.admitted.count < Self.requestsPerSecond else {
            throw CloudTrailAPIError(type: "ThrottlingException", message: "Rate exceeded")
        }
        state.admitted.append(arrival)
    }

    private func attributeFilter(_ attributes: [LookupAttributeInput]?) throws(CloudTrailAPIError) -> @Sendable (EmulatedEvent) -> Bool {
        // Omitted entirely, the lookup is over all events ("All attributes are optional").
        guard let attributes else { return { _ in true } }
        guard attributes.count == 1, let attribute = attributes.first else {
            throw .invalidLookupAttributes("LookupAttributes must hold exactly one attribute, got \(attributes.count)")
        }
        guard let key = attribute.AttributeKey, Self.allowedAttributeKeys.contains(key) else {
            throw .invalidLookupAttributes("AttributeKey must be one of \(Self.allowedAttributeKeys.sorted().joined(separator: ", ")), got \(attribute.AttributeKey ?? "(none)")")
        }
        guard let value = attribute.AttributeValue, !value.isEmpty else {
            throw .invalidLookupAttributes("AttributeValue is required")
        }
        return { event in Self.value(of: key, in: event).contains(value) }
    }

    private static func value(of key: String, in event: EmulatedEvent) -> [String] {
        switch key {
        case "EventId": [event.eventID]
        case "EventName": [event.eventName]
        case "ReadOnly": [event.readOnly ? "true" : "false"]
        case "Username": event.identity.username.map { [$0] } ?? []
        case "ResourceType": event.resources.map(\.type)
        case "ResourceName": event.resources.map(\.name)
        case "EventSource": [event.eventSource]
        case "AccessKeyId": event.accessKeyID.map { [$0] } ?? []
        default: []
        }
    }

    private static func isInRange(_ time: Date, from start: Double?, to end: Double?) -> Bool {
        let seconds = time.timeIntervalSince1970
        return (start.map { seconds >= $0 } ?? true) && (end.map { seconds <= $0 } ?? true)
    }

    /// `Credential=AKID/20261120/us-east-1/cloudtrail/aws4_request` → the part after `=`.
    private static func field(_ name: String, in authorization: String) -> String? {
        for part in authorization.dropFirst("AWS4-HMAC-SHA256 ".count).split(separator: ",") {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("\(name)=") { return String(trimmed.dropFirst(name.count + 1)) }
        }
        return nil
    }

    /// The API's `Event`, its full record as a JSON string inside it.
    private func wireEvent(_ event: EmulatedEvent) -> EmulatorJSON {
        let record: EmulatorJSON = [
            "eventVersion": "1.09", "userIdentity": event.identity.userIdentity,
            "eventTime": .string(event.eventTime.formatted(.iso8601)), "eventSource": .string(event.eventSource),
            "eventName": .string(event.eventName), "awsRegion": .string(region), "sourceIPAddress": "203.0.113.7",
            "userAgent": "cloudtrail-emulator", "requestID": .string(UUID().uuidString.lowercased()), "eventID": .string(event.eventID),
            "readOnly": .bool(event.readOnly), "eventType": "AwsApiCall", "managementEvent": true,
            "recipientAccountId": .string(account), "eventCategory": "Management",
        ]
        var fields: [String: EmulatorJSON] = [
            "EventId": .string(event.eventID), "EventName": .string(event.eventName), "ReadOnly": .string(event.readOnly ? "true" : "false"),
            "EventTime": .number(event.eventTime.timeIntervalSince1970), "EventSource": .string(event.eventSource),
            "Resources": .array(event.resources.map { ["ResourceType": .string($0.type), "ResourceName": .string($0.name)] }),
            "CloudTrailEvent": .string(String(decoding: Self.encode(record), as: UTF8.self)),
        ]
        if let username = event.identity.username { fields["Username"] = .string(username) }
        if let accessKeyID = event.accessKeyID { fields["AccessKeyId"] = .string(accessKeyID) }
        return .object(fields)
    }
}
