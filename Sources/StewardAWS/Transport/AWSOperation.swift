/// Which service operation a request calls, as the client knew it when it built the request:
/// metrics, counting transports and tests read it here instead of re-parsing the body.
public struct AWSOperation: Sendable, Hashable, CustomStringConvertible {
    /// The endpoint prefix (`ec2`, `dynamodb`, `streams.dynamodb`).
    public var service: String
    /// `AuthorizeSecurityGroupIngress`, `GetItem`, …
    public var name: String

    public init(service: String, name: String) {
        self.service = service
        self.name = name
    }

    /// `ec2:AuthorizeSecurityGroupIngress`, as IAM and error messages name it.
    public var description: String { "\(service):\(name)" }
}
