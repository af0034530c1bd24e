/// Something Steward could not read from AWS this pass, or had to leave out of what it read:
/// what was affected is never changed on a guess.
public struct ObservationProblem: Sendable, Hashable, Codable, Comparable {
    public var source: ObservationSource
    /// nil when the read covered every environment.
    public var environment: EnvironmentName?
    public var message: String

    public init(source: ObservationSource, environment: EnvironmentName? = nil, message: String) {
        self.source = source
        self.environment = environment
        self.message = message
    }

    public static func < (lhs: ObservationProblem, rhs: ObservationProblem) -> Bool {
        (lhs.environment?.rawValue ?? "", lhs.source.rawValue, lhs.message) < (rhs.environment?.rawValue ?? "", rhs.source.rawValue, rhs.message)
    }
}

extension ObservationProblem: CustomStringConvertible {
    public var description: String {
        environment.map { "\($0): \(message)" } ?? message
    }
}

/// Which read a problem came from.
public enum ObservationSource: String, Sendable, Hashable, Codable, CaseIterable {
    case securityGroups = "security-groups"
    case prefixLists = "prefix-lists"
    case tierResources = "tier-resources"
    case instances
    case bastions
}
