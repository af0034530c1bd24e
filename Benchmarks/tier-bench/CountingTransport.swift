import Foundation
import StewardAWS
import Synchronization

/// Counts the requests a reconcile sends, by Query `Action` or JSON target.
final class CountingTransport: AWSHTTPTransport {
    let inner: any AWSHTTPTransport
    private let actions = Mutex<[String]>([])
    /// Time during which at least one request was waiting on the emulator, in ms (overlapping
    /// concurrent calls count once).
    private struct Waiting {
        var inFlight = 0
        var since = ContinuousClock.now
        var total = 0.0
    }
    private let waiting = Mutex(Waiting())

    init(_ inner: any AWSHTTPTransport) {
        self.inner = inner
    }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let body = String(decoding: request.body, as: UTF8.self)
        let action = request.headers.value(for: "x-amz-target").map { String($0.split(separator: ".").last ?? "?") }
            ?? body.split(separator: "&").first { $0.hasPrefix("Action=") }.map { String($0.dropFirst(7)) } ?? "?"
        actions.withLock { $0.append(action) }
        waiting.withLock { state in
            if state.inFlight == 0 { state.since = .now }
            state.inFlight += 1
        }
        defer {
            waiting.withLock { state in
                state.inFlight -= 1
                if state.inFlight == 0 {
                    let elapsed = ContinuousClock.now - state.since
                    state.total += Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
                }
            }
        }
        return try await inner.send(request, timeout: timeout)
    }

    func takeWaiting() -> Double {
        waiting.withLock { state in
            defer { state.total = 0 }
            return state.total
        }
    }

    func take() -> [String] {
        actions.withLock { value in
            defer { value = [] }
            return value
        }
    }
}
