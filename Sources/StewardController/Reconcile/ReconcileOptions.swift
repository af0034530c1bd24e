import StewardCore

public struct ReconcileOptions: Sendable, Hashable {
    /// nil: every environment.
    public var environments: Set<EnvironmentName>?
    /// Plan and report, change nothing.
    public var dryRun: Bool
    /// Apply even when the revoke budget refuses.
    public var force: Bool

    public init(environments: Set<EnvironmentName>? = nil, dryRun: Bool = false, force: Bool = false) {
        self.environments = environments
        self.dryRun = dryRun
        self.force = force
    }
}
