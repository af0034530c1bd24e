/// An owned bastion to terminate, and why.
public struct BastionTermination: Sendable, Hashable, Codable {
    public var instanceID: String
    /// What it was doing when planned, for the plan line (`running`, `stopped`, …).
    public var state: ObservedBastion.State
    public var reason: BastionTerminationReason
    /// As EC2 reported it, so the finding can say what the bastion costs while it stays up.
    public var instanceType: String?

    public init(instanceID: String, state: ObservedBastion.State, reason: BastionTerminationReason, instanceType: String? = nil) {
        self.instanceID = instanceID
        self.state = state
        self.reason = reason
        self.instanceType = instanceType
    }

    init(_ instance: ObservedBastion, reason: BastionTerminationReason) {
        self.init(instanceID: instance.instanceID, state: instance.state, reason: reason, instanceType: instance.instanceType)
    }
}
