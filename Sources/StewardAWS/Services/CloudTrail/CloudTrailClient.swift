import Foundation

/// AWS CloudTrail (JSON 1.1): LookupEvents only, to say who changed a resource. The API allows
/// two lookups per second per account and region; pacing them is the caller's job (one
/// `AWSClient` serves every service, and only the caller knows which calls may wait).
public struct CloudTrailClient: Sendable {
    public let client: AWSClient
    /// LookupEvents returns at most this many events a page (and this many by default).
    public static let maximumPageSize = 50
    /// Where `lookupAllEvents` gives up: 50,000 events, and at 2 pages a second 8 minutes of calls.
    public static let defaultMaxPages = 1000

    public init(client: AWSClient) {
        self.client = client
    }

    /// One page of events naming `attribute`, newest first. Times bound the events' own time
    /// (inclusive); without them CloudTrail searches its last 90 days.
    public func lookupEvents(
        attribute: CloudTrailLookupAttribute,
        startTime: Date? = nil,
        endTime: Date? = nil,
        maxResults: Int? = nil,
        nextToken: String? = nil
    ) async throws -> CloudTrailEventPage {
        struct Input: Encodable {
            let LookupAttributes: [CloudTrailLookupAttribute]
            let StartTime: Date?
            let EndTime: Date?
            let MaxResults: Int?
            let NextToken: String?
        }
        if let maxResults, !(1...Self.maximumPageSize).contains(maxResults) {
            throw AWSClientError(.invalidRequest, operation: "cloudtrail:LookupEvents", message: "MaxResults must be 1…\(Self.maximumPageSize), got \(maxResults); CloudTrail would answer InvalidMaxResultsException")
        }
        if let startTime, let endTime, startTime > endTime {
            throw AWSClientError(.invalidRequest, operation: "cloudtrail:LookupEvents", message: "StartTime \(startTime) is after EndTime \(endTime); CloudTrail would answer InvalidTimeRangeException")
        }
        return try await client.json(service: .cloudTrail, operation: "LookupEvents", input: Input(
            LookupAttributes: [attribute], StartTime: startTime, EndTime: endTime, MaxResults: maxResults, NextToken: nextToken))
    }

    /// Every event naming `attribute` in the time range, all pages (each page one request
    /// against the 2-per-second limit: bound `maxPages` when the history may be long).
    public func lookupAllEvents(
        attribute: CloudTrailLookupAttribute,
        startTime: Date? = nil,
        endTime: Date? = nil,
        pageSize: Int? = nil,
        maxPages: Int = defaultMaxPages
    ) async throws -> [CloudTrailEvent] {
        try await AWSPaging.collect(operation: "cloudtrail:LookupEvents", maxPages: maxPages) { token in
            let page = try await lookupEvents(attribute: attribute, startTime: startTime, endTime: endTime, maxResults: pageSize, nextToken: token)
            return (page.events, page.nextToken)
        }
    }

    /// The newest event naming `attribute` that satisfies `isWanted`, reading pages only until
    /// it turns up or `maxPages` pages have been read; `nil` when none did.
    public func newestEvent(
        attribute: CloudTrailLookupAttribute,
        startTime: Date? = nil,
        endTime: Date? = nil,
        pageSize: Int? = nil,
        maxPages: Int,
        where isWanted: @Sendable (CloudTrailEvent) -> Bool
    ) async throws -> CloudTrailEvent? {
        var found: CloudTrailEvent?
        var pagesRead = 0
        // Through AWSPaging for its guard against a repeated token; the pages themselves are
        // dropped, only the first wanted event is kept.
        _ = try await AWSPaging.collect(operation: "cloudtrail:LookupEvents", maxPages: max(1, maxPages)) { token -> (items: [CloudTrailEvent], next: String?) in
            let page = try await lookupEvents(attribute: attribute, startTime: startTime, endTime: endTime, maxResults: pageSize, nextToken: token)
            pagesRead += 1
            found = page.events.first(where: isWanted)
            let searchedEnough = found != nil || pagesRead >= maxPages
            return ([], searchedEnough ? nil : page.nextToken)
        }
        return found
    }
}
