/// The seam between the AWS runtime and the network. Production uses
/// `AsyncHTTPClientTransport`; tests substitute a fake to exercise encoding, decoding,
/// paging and retries without sockets.
public protocol AWSHTTPTransport: Sendable {
    /// Sends the request and reads the whole response. Throws `AWSTransportError` when no
    /// HTTP response arrived (refused, reset, timed out).
    func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse
}
