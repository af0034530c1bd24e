/// Something in AWS that differs from desired state and that Steward will not (or may not)
/// change itself: it is reported, never acted on. The seed of the drift report.
public struct DriftItem: Sendable, Hashable, Codable, Comparable {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case critical, warning, info

        private var rank: Int { self == .critical ? 0 : self == .warning ? 1 : 2 }
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public enum Kind: String, Sendable, Hashable, Codable {
        /// An ingress rule on a managed group that Steward doesn't own.
        case unmanagedRule = "unmanaged-rule"
        /// An unowned rule open to the whole internet on a managed group.
        case worldOpenRule = "world-open-rule"
        /// A desired entry already granted by an unowned rule: Steward can't add its own twin
        /// (AWS refuses duplicates) and won't adopt someone else's rule.
        case grantedByUnmanagedRule = "granted-by-unmanaged-rule"
    }

    public var severity: Severity
    public var kind: Kind
    public var environment: EnvironmentName
    public var groupID: String
    public var ruleID: String?
    public var message: String

    public init(severity: Severity, kind: Kind, environment: EnvironmentName, groupID: String, ruleID: String?, message: String) {
        self.severity = severity
        self.kind = kind
        self.environment = environment
        self.groupID = groupID
        self.ruleID = ruleID
        self.message = message
    }

    public static func < (lhs: DriftItem, rhs: DriftItem) -> Bool {
        (lhs.severity, lhs.environment, lhs.groupID, lhs.ruleID ?? "") < (rhs.severity, rhs.environment, rhs.groupID, rhs.ruleID ?? "")
    }
}
