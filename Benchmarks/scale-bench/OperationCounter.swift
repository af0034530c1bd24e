import StewardAWS
import Synchronization

/// Counts requests by `service:operation` (`ec2:DescribeSecurityGroups`): each service throttles
/// on its own budget, so the scale figures need the breakdown (the shared
/// `CallCountingTransport` keeps operation names only). Every attempt counts, retries included:
/// each spends a token of the account's budget.
final class OperationCounter: AWSHTTPTransport {
    let inner: any AWSHTTPTransport
    private let calls = Mutex<[String: Int]>([:])

    init(_ inner: any AWSHTTPTransport) {
        self.inner = inner
    }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let name = request.operation?.description ?? "?"
        calls.withLock { $0[name, default: 0] += 1 }
        return try await inner.send(request, timeout: timeout)
    }

    /// The calls since the last take, by operation, and resets.
    func take() -> [String: Int] {
        calls.withLock { value in
            defer { value = [:] }
            return value
        }
    }
}
