/// A request that got no HTTP response. The kind decides retrying: resets and timeouts are
/// transient; anything else is reported as is.
public struct AWSTransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case timeout
        case connectionFailed
        case other
    }

    public let kind: Kind
    public let endpoint: String
    public let detail: String

    public init(kind: Kind, endpoint: String, detail: String) {
        self.kind = kind
        self.endpoint = endpoint
        self.detail = detail
    }

    public var description: String {
        switch kind {
        case .timeout:
            return "No response from \(endpoint) before the timeout (\(detail)); check the endpoint is reachable or raise the timeout."
        case .connectionFailed:
            return "The connection to \(endpoint) failed (\(detail)); check the endpoint URL and network."
        case .other:
            return "The request to \(endpoint) failed: \(detail)"
        }
    }
}
