import StewardAWS

/// Holds a `LookupRateLimiter` token across every HTTP attempt it passes on. It sits under the
/// AWS client, so the client's own retries wait for a token too instead of bursting past the
/// limit; put it only under a client used for the paced service.
public struct RateLimitedTransport: AWSHTTPTransport {
    public let base: any AWSHTTPTransport
    public let limiter: LookupRateLimiter

    public init(wrapping base: any AWSHTTPTransport, limiter: LookupRateLimiter) {
        self.base = base
        self.limiter = limiter
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let base = self.base
        return try await limiter.withSlot { try await base.send(request, timeout: timeout) }
    }
}
