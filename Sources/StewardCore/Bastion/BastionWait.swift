/// An owned bastion that settles on its own (pending), or that AWS said was mid-transition
/// (`IncorrectInstanceState`): nothing to send now; the loop should look again soon rather
/// than at its interval.
public struct BastionWait: Sendable, Hashable, Codable {
    public var instanceID: String
    public var state: String
    public var message: String

    public init(instanceID: String, state: String, message: String) {
        self.instanceID = instanceID
        self.state = state
        self.message = message
    }
}
