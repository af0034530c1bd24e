/// An owned bastion to terminate, and why.
public struct BastionTermination: Sendable, Hashable, Codable {
    public var instanceID: String
    /// What it was doing when planned, for the plan line (`running`, `stopped`, …).
    public var state: ObservedBastion.State
    public var reason: BastionTerminationReason

    public init(instanceID: String, state: ObservedBastion.State, reason: BastionTerminationReason) {
        self.instanceID = instanceID
        self.state = state
        self.reason = reason
    }
}
