/// The SDKs' retry token bucket: each retry spends tokens, each success refunds some, so
/// during an outage retries stop once the bucket is dry instead of multiplying load.
/// One bucket is shared by every call through an `AWSClient`.
public actor AWSRetryQuota {
    public let capacity: Int
    public let retryCost: Int
    public let timeoutRetryCost: Int
    /// Returned on a success that needed no retry (the SDKs' "no retry increment").
    public let successIncrement: Int
    public private(set) var available: Int

    public init(capacity: Int = 500, retryCost: Int = 5, timeoutRetryCost: Int = 10, successIncrement: Int = 1) {
        self.capacity = capacity
        self.retryCost = retryCost
        self.timeoutRetryCost = timeoutRetryCost
        self.successIncrement = successIncrement
        self.available = capacity
    }

    /// Takes the cost of one retry; `nil` when the bucket cannot pay it (do not retry).
    public func acquire(isTimeout: Bool) -> Int? {
        let cost = isTimeout ? timeoutRetryCost : retryCost
        guard available >= cost else { return nil }
        available -= cost
        return cost
    }

    /// Called once per successful call with what its retries spent (0 if none).
    public func recordSuccess(spentOnLastRetry: Int) {
        let refund = spentOnLastRetry > 0 ? spentOnLastRetry : successIncrement
        available = min(capacity, available + refund)
    }
}
