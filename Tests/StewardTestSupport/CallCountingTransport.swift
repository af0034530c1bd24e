import Foundation
import StewardAWS
import Synchronization

/// Counts the requests sent through it, by the operation the client named, and the
/// time during which at least one was waiting on the server: the benchmarks' "own time" is
/// wall time minus that.
public final class CallCountingTransport: AWSHTTPTransport {
    let inner: any AWSHTTPTransport
    private let actions = Mutex<[String]>([])
    private struct Waiting {
        var inFlight = 0
        var since = ContinuousClock.now
        /// Milliseconds; overlapping concurrent calls count once.
        var total = 0.0
    }
    private let waiting = Mutex(Waiting())

    public init(_ inner: any AWSHTTPTransport) {
        self.inner = inner
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        actions.withLock { $0.append(Self.action(of: request)) }
        waiting.withLock { state in
            if state.inFlight == 0 { state.since = .now }
            state.inFlight += 1
        }
        defer {
            waiting.withLock { state in
                state.inFlight -= 1
                if state.inFlight == 0 { state.total += Bench.milliseconds(since: state.since) }
            }
        }
        return try await inner.send(request, timeout: timeout)
    }

    /// Milliseconds spent waiting on the server since the last call, and resets it.
    public func takeWaiting() -> Double {
        waiting.withLock { state in
            defer { state.total = 0 }
            return state.total
        }
    }

    /// The actions sent since the last call, in order, and resets the list.
    public func take() -> [String] {
        actions.withLock { value in
            defer { value = [] }
            return value
        }
    }

    /// The operation the client named on the request.
    public static func action(of request: AWSHTTPRequest) -> String {
        request.operation?.name ?? "?"
    }
}
