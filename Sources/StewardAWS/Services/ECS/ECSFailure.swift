/// A per-item failure ECS reports instead of an error (e.g. reason `MISSING`).
public struct ECSFailure: Sendable, Equatable, Decodable {
    public let arn: String?
    public let reason: String?
    public let detail: String?
}
