import Synchronization

/// The SDKs' retry token bucket: each retry spends tokens, each success refunds some, so
/// during an outage retries stop once the bucket is dry instead of multiplying load.
/// One bucket is shared by every call through an `AWSClient`. A lock, not an actor: it is
/// touched on every call and never waits, so a suspension per call would be pure overhead.
public final class AWSRetryQuota: Sendable {
    public let capacity: Int
    public let retryCost: Int
    public let timeoutRetryCost: Int
    /// Returned on a success that needed no retry (the SDKs' "no retry increment").
    public let successIncrement: Int
    private let tokens: Mutex<Int>

    public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successIncrement: Int = 1) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successIncrement = successIncrement
        self.tokens = Mutex(capacity)
    }

    public var available: Int { tokens.withLock { $0 } }

    /// Takes the cost of one retry; `nil` when the bucket cannot pay it (do not retry).
    public func acquire(isTimeout: Bool) -> Int? {
        let cost = isTimeout ? timeoutRetryCost : retryCost
        return tokens.withLock { available in
            guard available >= cost else { return nil }
            available -= cost
            return cost
        }
    }

    /// Called once per successful call with what its last retry spent (0 if none).
    public func recordSuccess(spentOnLastRetry: Int) {
        let refund = spentOnLastRetry > 0 ? spentOnLastRetry : successIncrement
        tokens.withLock { $0 = min(capacity, $0 + refund) }
    }
}
