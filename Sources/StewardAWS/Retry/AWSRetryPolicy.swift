/// The AWS SDKs' "standard" retry mode: capped exponential backoff with full jitter, a fixed
/// attempt budget, and a shared retry quota. The sleep and the random source are injectable
/// so tests never wait real time.
public struct AWSRetryPolicy: Sendable {
    /// Total attempts, the first included (the SDK default is 3).
    public var maxAttempts: Int
    public var baseDelay: Duration
    public var maxBackoff: Duration
    /// Waits between attempts; `Task.sleep` in production.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in [0, 1) for jitter.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 3,
        baseDelay: Duration = .milliseconds(100),
        maxBackoff: Duration = .seconds(20),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxBackoff = maxBackoff
        self.sleep = sleep
        self.random = random
    }

    /// The wait before retry number `retry` (1 for the first retry): a random fraction of
    /// `min(maxBackoff, base × 2^(retry-1))`.
    public func backoff(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maxBackoff, baseDelay * Double(1 << exponent))
        return ceiling * random()
    }
}
