/// An EC2 instance of an environment that is not a bastion.
public struct ObservedInstance: Sendable, Hashable {
    public var id: String
    /// `pending`, `running`, `stopping`, `stopped`, `shutting-down`.
    public var state: String
    public var instanceType: String?
    public var tags: [String: String]

    public init(id: String, state: String, instanceType: String? = nil, tags: [String: String]) {
        self.id = id
        self.state = state
        self.instanceType = instanceType
        self.tags = tags
    }

    public func isOwned(by ownerID: String) -> Bool { tags[StewardTag.owner] == ownerID }
}
