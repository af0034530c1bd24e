/// A DynamoDB row that the layered desired state read but that the rest of desired state does
/// not back: it names an environment nothing defines, or it says something else than the
/// reviewed YAML about the same network. The merge's rules still decide what is used; drift
/// reports show each one so a typo or a forgotten row does not sit there unseen.
public struct DesiredStateDiscrepancy: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case unknownEnvironment = "unknown-environment"
        case conflict
    }

    public var kind: Kind
    public var environment: EnvironmentName
    /// The row, by table and key as diagnostics name it: `table[ip_address=…, environment=dev]`.
    public var row: String
    /// The other place a conflict is with (the YAML file); nil for an unknown environment.
    public var other: String?
    /// Names both places and what to do.
    public var message: String

    public init(kind: Kind, environment: EnvironmentName, row: String, other: String? = nil, message: String) {
        self.kind = kind
        self.environment = environment
        self.row = row
        self.other = other
        self.message = message
    }
}
