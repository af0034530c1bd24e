/// A plan that can be cut down to what an environment with unreadable desired state may still
/// do: end what the last good read already showed as expired (entries, leases), nothing else.
public protocol FailClosedPlan: Sendable {
    var environment: EnvironmentName { get }
    /// Removes everything but the ends of known expiries; returns the removed parts as refused
    /// results saying why.
    mutating func holdAllButKnownExpiries() -> [ActionResult]
}
