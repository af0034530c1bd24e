/// An empty JSON object, for operations with no input or no output Steward reads.
public struct AWSEmptyShape: Codable, Sendable, Equatable {
    public init() {}
}
