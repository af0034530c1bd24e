import StewardAWS

/// Which AWS service and operation a signed request calls, read from the request itself so
/// the counting transport needs nothing from the service clients.
public struct AWSOperationName: Sendable, Hashable {
    public var service: String
    public var operation: String

    public init(service: String, operation: String) {
        self.service = service
        self.operation = operation
    }

    /// JSON protocols name the operation in `X-Amz-Target` (`DynamoDB_20120810.GetItem`);
    /// Query protocols in the form body's `Action=`. The service is the signing name from the
    /// SigV4 credential scope (`Credential=AKID/date/region/ec2/aws4_request`), which holds
    /// even against a local endpoint like moto where the host says nothing.
    public init(request: AWSHTTPRequest) {
        service = Self.signingService(request.headers.value(for: "Authorization"))
            ?? request.endpoint.host.split(separator: ".").first.map(String.init)
            ?? "unknown"
        if let target = request.headers.value(for: "X-Amz-Target"), let dot = target.lastIndex(of: ".") {
            operation = String(target[target.index(after: dot)...])
        } else if let action = Self.formValue("Action", in: request.body) ?? request.query.first(where: { $0.0 == "Action" })?.1 {
            operation = action
        } else {
            operation = "unknown"
        }
    }

    private static func signingService(_ authorization: String?) -> String? {
        guard let authorization, let start = authorization.range(of: "Credential=") else { return nil }
        let scope = authorization[start.upperBound...].prefix { $0 != "," && $0 != " " }
        let parts = scope.split(separator: "/")
        // AKID / date / region / service / aws4_request
        guard parts.count >= 5 else { return nil }
        return String(parts[parts.count - 2])
    }

    /// The value of one form field, without decoding the whole body. Operation names are
    /// plain ASCII, so no percent-decoding is needed.
    private static func formValue(_ key: String, in body: [UInt8]) -> String? {
        guard !body.isEmpty else { return nil }
        let prefix = Array("\(key)=".utf8)
        var start = 0
        while start < body.count {
            var end = start
            while end < body.count, body[end] != UInt8(ascii: "&") { end += 1 }
            if end - start > prefix.count, body[start..<(start + prefix.count)].elementsEqual(prefix) {
                return String(decoding: body[(start + prefix.count)..<end], as: UTF8.self)
            }
            start = end + 1
        }
        return nil
    }
}
