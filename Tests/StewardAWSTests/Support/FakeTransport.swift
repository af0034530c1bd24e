import Foundation
import Logging
import StewardAWS
import Synchronization

/// A transport that answers from a closure and records what it was sent. For encoding,
/// decoding, paging and retry tests that need no network.
final class FakeTransport: AWSHTTPTransport {
    typealias Responder = @Sendable (_ request: AWSHTTPRequest, _ index: Int) throws -> AWSHTTPResponse
    private let responder: Responder
    private let log = Mutex<[AWSHTTPRequest]>([])

    init(_ responder: @escaping Responder) {
        self.responder = responder
    }

    var requests: [AWSHTTPRequest] { log.withLock { $0 } }

    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let index = log.withLock { log -> Int in
            log.append(request)
            return log.count - 1
        }
        return try responder(request, index)
    }

    static func xml(_ text: String, status: Int = 200) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: AWSHTTPHeaders([("Content-Type", "text/xml")]), body: Array(text.utf8))
    }

    static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: AWSHTTPHeaders([("Content-Type", "application/x-amz-json-1.1")] + headers), body: Array(text.utf8))
    }
}

extension AWSHTTPRequest {
    var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Decoded form items of a Query-protocol body.
    var formItems: [String: String] {
        var items: [String: String] = [:]
        for pair in bodyText.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            items[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return items
    }
}

/// A client over a fake transport with fixed keys, a fixed region and an endpoint that is
/// never dialled.
func fakeClient(_ transport: FakeTransport, retryPolicy: AWSRetryPolicy = AWSRetryPolicy(maxAttempts: 1), quota: AWSRetryQuota = AWSRetryQuota(), logger: Logger = Logger(label: "test")) -> AWSClient {
    AWSClient(
        configuration: AWSConfiguration(region: "us-east-1", environment: ["AWS_ENDPOINT_URL": "http://127.0.0.1:9"]),
        credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret")),
        transport: transport,
        retryPolicy: retryPolicy,
        retryQuota: quota,
        logger: logger
    )
}

/// A retry policy whose sleeps are recorded, not waited.
func instantRetryPolicy(maxAttempts: Int = 3, sleeps: SleepLog? = nil) -> AWSRetryPolicy {
    AWSRetryPolicy(maxAttempts: maxAttempts, sleep: { duration in sleeps?.record(duration) }, random: { 0.5 })
}
