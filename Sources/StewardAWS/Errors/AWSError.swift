/// An error response from an AWS service, whatever its wire shape (EC2 XML, RDS/STS XML,
/// JSON `__type`, or XML from a JSON service). The message is the service's; it never holds
/// request data Steward sent, so it carries no secrets.
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service's error code, e.g. `InvalidPermission.Duplicate`, `ThrottlingException`.
    /// When the body carried none (some HTTP 403s), the HTTP status as text.
    public let code: AWSErrorCode
    public let message: String
    public let requestID: String?
    public let statusCode: Int
    /// Which call failed, e.g. `ec2:AuthorizeSecurityGroupIngress`.
    public let operation: String

    public init(code: AWSErrorCode, message: String, requestID: String?, statusCode: Int, operation: String) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.statusCode = statusCode
        self.operation = operation
    }

    public var description: String {
        var text = "\(operation) failed with \(code) (HTTP \(statusCode))"
        if !message.isEmpty { text += ": \(message)" }
        if let requestID { text += " [request id \(requestID)]" }
        return text
    }

    public var isThrottling: Bool {
        AWSErrorCode.throttling.contains(code)
    }

    /// Refused for lack of permission (IAM, or an SCP); the JSON services' bare HTTP 403 too.
    public var isAccessDenied: Bool {
        AWSErrorCode.accessDenied.contains(code) || code.rawValue == "403"
    }
}
