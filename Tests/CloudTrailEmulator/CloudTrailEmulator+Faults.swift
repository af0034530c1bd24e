/// Switches for what a real account does to a caller now and then.
extension CloudTrailEmulator {
    /// While on, every LookupEvents gets `AccessDeniedException` (HTTP 400), as for a role
    /// without `cloudtrail:LookupEvents`.
    public func setAccessDenied(_ denied: Bool) {
        store.state.withLock { $0.accessDenied = denied }
    }

    /// While on, every LookupEvents gets `ThrottlingException`, as when other callers in the
    /// account use up its two requests a second.
    public func setThrottlingEverything(_ throttling: Bool) {
        store.state.withLock { $0.throttlingEverything = throttling }
    }
}
