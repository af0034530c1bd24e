import StewardCore

/// What one tier observation found, per environment, and what it could not read.
public struct TierObservation: Sendable {
    public var resources: [EnvironmentName: ObservedTierResources]
    /// One line each, naming the environment and the call; those environments plan nothing.
    public var problems: [EnvironmentName: String]
    /// Steward's own resources in environments desired state no longer has: reported, never acted on.
    public var orphans: [EnvironmentName: ObservedTierResources]

    public init(resources: [EnvironmentName: ObservedTierResources] = [:], problems: [EnvironmentName: String] = [:],
                orphans: [EnvironmentName: ObservedTierResources] = [:]) {
        self.resources = resources
        self.problems = problems
        self.orphans = orphans
    }
}
