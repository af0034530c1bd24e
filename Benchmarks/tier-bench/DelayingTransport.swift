import StewardAWS

/// Adds a fixed round trip to every call, as a real region's latency would: what the
/// concurrency of reads and of one phase's actions is worth shows in wall time.
struct DelayingTransport: AWSHTTPTransport {
    let inner: any AWSHTTPTransport
    let delay: Duration

    init(_ inner: any AWSHTTPTransport, delay: Duration) {
        self.inner = inner
        self.delay = delay
    }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        try await Task.sleep(for: delay)
        return try await inner.send(request, timeout: timeout)
    }
}
