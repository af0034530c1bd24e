/// One HTTP request to an AWS endpoint, before or after signing.
public struct AWSHTTPRequest: Sendable {
    public var method: String
    public var endpoint: AWSEndpoint
    /// Unencoded query items; encoded (RFC 3986) when sent and when signed.
    public var query: [(String, String)]
    public var headers: AWSHTTPHeaders
    public var body: [UInt8]
    /// The operation the request calls; nil for requests that aren't service calls
    /// (credential endpoints).
    public var operation: AWSOperation?

    public init(
        method: String,
        endpoint: AWSEndpoint,
        query: [(String, String)] = [],
        headers: AWSHTTPHeaders = AWSHTTPHeaders(),
        body: [UInt8] = [],
        operation: AWSOperation? = nil
    ) {
        self.method = method
        self.endpoint = endpoint
        self.query = query
        self.headers = headers
        self.body = body
        self.operation = operation
    }

    /// The URL as sent: the path and query encoded exactly as they were signed.
    public var url: String {
        var text = "\(endpoint.scheme)://\(endpoint.hostHeader)\(SigV4Encoding.canonicalPath(endpoint.path))"
        if !query.isEmpty {
            text += "?" + SigV4Encoding.formBody(query)
        }
        return text
    }
}
