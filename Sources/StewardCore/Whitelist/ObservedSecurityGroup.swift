/// A security group as the observer saw it: a value snapshot, so the planner needs no AWS.
public struct ObservedSecurityGroup: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var tags: [String: String]
    /// The ports this group opens to whitelisted networks (config default, or the group's
    /// `WhitelistPorts` tag), resolved by the observer.
    public var whitelistPorts: [PortRange]
    public var networkProtocol: NetworkProtocol
    public var ingressRules: [ObservedRule]

    public init(
        id: String,
        name: String = "",
        tags: [String: String] = [:],
        whitelistPorts: [PortRange] = [.https],
        networkProtocol: NetworkProtocol = .tcp,
        ingressRules: [ObservedRule] = []
    ) {
        self.id = id
        self.name = name
        self.tags = tags
        self.whitelistPorts = whitelistPorts
        self.networkProtocol = networkProtocol
        self.ingressRules = ingressRules
    }
}
