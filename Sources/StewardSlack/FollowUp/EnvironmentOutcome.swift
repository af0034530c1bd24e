/// What one reconcile did in one environment, as lines ready to show (built by the daemon from
/// the controller's report, which this target does not import).
public struct EnvironmentOutcome: Sendable, Hashable {
    /// e.g. `authorized 203.0.113.10/32 tcp/443 on sg-0abc`.
    public var applied: [String]
    /// e.g. `authorize 203.0.113.10/32 tcp/443 on sg-0abc failed: …`.
    public var failed: [String]
    /// What could not be read: desired state, AWS.
    public var problems: [String]
    /// What a guard held back, and why.
    public var refused: [String]
    /// What AWS is still doing (a database stopping, a call deferred until it can take it):
    /// not a failure, and not done yet either.
    public var pending: [String]

    public init(applied: [String] = [], failed: [String] = [], problems: [String] = [], refused: [String] = [], pending: [String] = []) {
        self.applied = applied
        self.failed = failed
        self.problems = problems
        self.refused = refused
        self.pending = pending
    }

    public var succeeded: Bool { failed.isEmpty && problems.isEmpty && refused.isEmpty }
    /// Nothing failed, but the environment has not finished converging.
    public var inProgress: Bool { succeeded && !pending.isEmpty }
}
