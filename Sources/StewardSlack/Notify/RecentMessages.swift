/// Remembers recently sent texts so the same notification (a failure repeating every pass)
/// is not posted again within `window`.
struct RecentMessages: Sendable {
    let window: Duration
    let capacity: Int
    private var sent: [String: ContinuousClock.Instant] = [:]

    init(window: Duration, capacity: Int = 1000) {
        self.window = window
        self.capacity = capacity
    }

    /// True (and remembered) when `key` was not sent within the window.
    mutating func admit(_ key: String, now: ContinuousClock.Instant) -> Bool {
        if let last = sent[key], now - last < window { return false }
        if sent.count >= capacity {
            sent = sent.filter { now - $0.value < window }
            if sent.count >= capacity, let oldest = sent.min(by: { $0.value < $1.value }) { sent[oldest.key] = nil }
        }
        sent[key] = now
        return true
    }
}
