import Foundation
import StewardAWS
import StewardTestSupport

/// Adds a fixed round trip to every call, as a real region's latency would: what the
/// concurrency of reads and of one phase's actions is worth shows in wall time. With
/// `TIER_BENCH_TIMELINE=1` it prints when each call left and came back, relative to the first,
/// so the chain of dependent calls that sets the wall time can be read off.
struct DelayingTransport: AWSHTTPTransport {
    let inner: any AWSHTTPTransport
    let delay: Duration
    static let timeline = ProcessInfo.processInfo.environment["TIER_BENCH_TIMELINE"] == "1"
    static let origin = ContinuousClock.now

    init(_ inner: any AWSHTTPTransport, delay: Duration) {
        self.inner = inner
        self.delay = delay
    }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let sent = ContinuousClock.now
        try await Task.sleep(for: delay)
        let response = try await inner.send(request, timeout: timeout)
        if Self.timeline {
            func at(_ instant: ContinuousClock.Instant) -> String { String(format: "%8.1f", Bench.milliseconds(since: Self.origin) - Bench.milliseconds(since: instant)) }
            print("  \(at(sent)) → \(at(ContinuousClock.now)) ms  \(request.operation?.name ?? "?")")
        }
        return response
    }
}
