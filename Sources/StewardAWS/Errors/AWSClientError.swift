/// A failure on Steward's side of a call: a request it refused to send, or a response it could
/// not read. Says what failed and on what; never carries secrets.
public struct AWSClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The caller's input breaks a rule the service would enforce (or should).
        case invalidRequest
        /// The response did not have the shape the operation expects.
        case malformedResponse
        /// A paged call did not finish: a repeated token or too many pages.
        case pagingAborted
        /// The retry budget ran dry during an outage; the last error is in `message`.
        case retryQuotaExhausted
    }

    public let kind: Kind
    public let operation: String
    public let message: String

    public init(_ kind: Kind, operation: String, message: String) {
        self.kind = kind
        self.operation = operation
        self.message = message
    }

    public var description: String {
        "\(operation): \(message)"
    }
}
