/// Something a guard held back, and what to do about it: the environment it concerns, the
/// guard that said no, and its words.
public struct Refusal: Sendable, Hashable, Codable, Comparable {
    public var environment: EnvironmentName
    public var guardName: GuardName
    /// What was held back and what to do, without the environment (the renderer adds it).
    public var message: String

    public init(environment: EnvironmentName, guardName: GuardName, message: String) {
        self.environment = environment
        self.guardName = guardName
        self.message = message
    }

    public static func < (lhs: Refusal, rhs: Refusal) -> Bool {
        (lhs.environment, lhs.guardName.rawValue, lhs.message) < (rhs.environment, rhs.guardName.rawValue, rhs.message)
    }
}

extension Refusal: CustomStringConvertible {
    /// `dev: upsert-only policy; 2 revoke(s) not applied`
    public var description: String { "\(environment): \(message)" }
}
