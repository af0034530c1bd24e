/// The response body was not well-formed XML.
public struct AWSXMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public let offset: Int

    public var description: String {
        "Malformed XML at byte \(offset): \(reason)"
    }
}
