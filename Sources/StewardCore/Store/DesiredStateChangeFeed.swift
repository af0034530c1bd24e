/// Tells whoever listens that desired state may have changed — a file under the YAML
/// directory, a DynamoDB stream record. A wake only: the listener re-reads everything, so a
/// change is never acted on from its payload.
public protocol DesiredStateChangeFeed: Sendable {
    /// Watches until the task is cancelled, calling `onChange` for each change seen.
    func run(onChange: @escaping @Sendable (DesiredStateChange) -> Void) async throws
}

/// What a feed saw, for the log: which environments (when it can tell) and where.
public struct DesiredStateChange: Sendable, Hashable, CustomStringConvertible {
    /// Empty when the feed can't tell (a directory rename, a lost event, a poll).
    public var environments: [EnvironmentName]
    public var detail: String

    public init(environments: [EnvironmentName] = [], detail: String) {
        self.environments = environments
        self.detail = detail
    }

    public var description: String { detail }
}
