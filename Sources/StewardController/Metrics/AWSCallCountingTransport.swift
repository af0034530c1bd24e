import Metrics
import StewardAWS

/// Counts every AWS HTTP attempt as `steward_aws_calls_total{service,operation,outcome}` and
/// passes it on unchanged. Sits under the AWS client (so retries count as the calls they are)
/// without the AWS layer knowing about metrics.
public struct AWSCallCountingTransport: AWSHTTPTransport {
    public let base: any AWSHTTPTransport

    public init(wrapping base: any AWSHTTPTransport) {
        self.base = base
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        let name = request.operation ?? AWSOperation(service: request.endpoint.host, name: "unknown")
        do {
            let response = try await base.send(request, timeout: timeout)
            count(name, outcome: Self.outcome(status: response.status))
            return response
        } catch {
            count(name, outcome: "transport_error")
            throw error
        }
    }

    /// By status class: enough to tell throttling and outages (4xx/5xx) from success without
    /// reading the body, which the AWS layer decodes anyway.
    static func outcome(status: Int) -> String {
        switch status {
        case 200..<300: return "success"
        case 429: return "throttled"
        case 400..<500: return "client_error"
        default: return "server_error"
        }
    }

    private func count(_ name: AWSOperation, outcome: String) {
        Counter(label: "steward_aws_calls_total", dimensions: [
            ("service", name.service), ("operation", name.name), ("outcome", outcome),
        ]).increment()
    }
}
