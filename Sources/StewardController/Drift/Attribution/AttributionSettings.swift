import StewardCore

/// How hard attribution tries. Every bound exists because LookupEvents is slow (2 requests a
/// second for the whole account) and attribution must never hold a drift report up.
public struct AttributionSettings: Sendable, Hashable {
    /// How long an answer (an actor, or "no event") is reused before CloudTrail is asked again.
    public var cacheTTL: TimeSpan
    /// After CloudTrail refused the call (no `cloudtrail:LookupEvents`), how long no lookup is
    /// tried: the permission rarely appears within a pass, and every refusal costs a slot.
    public var deniedPause: TimeSpan
    /// After throttling past the client's retries, or any other failure, how long no lookup is
    /// tried, so an outage costs one lookup's retries rather than every finding's.
    public var failurePause: TimeSpan
    /// How far back to search; CloudTrail keeps 90 days of management events.
    public var lookback: TimeSpan
    /// Pages read per lookup before giving up on finding a matching call.
    public var maxPagesPerLookup: Int
    /// Events per page (1…50).
    public var pageSize: Int
    /// New lookups one pass may start; cached answers don't count. The rest are "not looked
    /// up" and get their turn in a later pass.
    public var maxLookupsPerPass: Int

    public init(
        cacheTTL: TimeSpan = .minutes(15),
        deniedPause: TimeSpan = .hours(1),
        failurePause: TimeSpan = .minutes(1),
        lookback: TimeSpan = .days(90),
        maxPagesPerLookup: Int = 3,
        pageSize: Int = 50,
        maxLookupsPerPass: Int = 20
    ) {
        self.cacheTTL = cacheTTL
        self.deniedPause = deniedPause
        self.failurePause = failurePause
        self.lookback = lookback
        self.maxPagesPerLookup = max(1, maxPagesPerLookup)
        self.pageSize = min(max(1, pageSize), 50)
        self.maxLookupsPerPass = max(0, maxLookupsPerPass)
    }
}
