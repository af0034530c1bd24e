import StewardCore

/// One environment as a pass plans it: its desired state, and whether that is the last good
/// read of desired state that can't be read now (then only known expiries may still end).
public struct ReconcileTarget: Sendable, Hashable {
    public var environment: EnvironmentName
    public var desired: DesiredState
    public var isUnreadable: Bool

    public init(environment: EnvironmentName, desired: DesiredState, isUnreadable: Bool = false) {
        self.environment = environment
        self.desired = desired
        self.isUnreadable = isUnreadable
    }
}
