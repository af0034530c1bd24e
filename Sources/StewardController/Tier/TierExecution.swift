import StewardCore

/// What running one tier phase did: a result per step, in plan order, and the counts ECS
/// answered each scaling with (desired, running, pending) — the next phase's gate reads those
/// instead of describing the services again.
public struct TierExecution: Sendable {
    public var results: [ActionResult] = []
    /// By service resource name (`ecs:dev/api`).
    public var scaledServices: [String: ServiceCounts] = [:]

    public struct ServiceCounts: Sendable, Hashable {
        public var desired: Int
        public var running: Int
        public var pending: Int
    }

    public init() {}
}
