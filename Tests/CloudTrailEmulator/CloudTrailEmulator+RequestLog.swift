/// What the emulator received, for assertions on what the caller sent and when.
extension CloudTrailEmulator {
    /// Every request, in arrival order, rejected ones included.
    public var requests: [CloudTrailRequestRecord] {
        store.state.withLock { $0.records }
    }

    /// The requests that named LookupEvents.
    public var lookupRequests: [CloudTrailRequestRecord] {
        requests.filter { $0.target == Self.lookupEventsTarget }
    }

    /// The most LookupEvents requests that arrived within any interval shorter than `window`.
    public func mostLookups(within window: Duration) -> Int {
        Self.most(of: lookupRequests.map(\.arrival), within: window)
    }

    /// The most of `instants` within any interval shorter than `window`: "no more than 2 in
    /// any second" is `most(of:within: .seconds(1)) <= 2`.
    public static func most(of instants: [ContinuousClock.Instant], within window: Duration) -> Int {
        let sorted = instants.sorted()
        var most = 0
        var start = 0
        for end in sorted.indices {
            while sorted[end] - sorted[start] >= window { start += 1 }
            most = max(most, end - start + 1)
        }
        return most
    }
}
