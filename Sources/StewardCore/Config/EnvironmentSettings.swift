/// What `steward.yaml` overrides for one environment; nil keeps the global setting.
public struct EnvironmentSettings: Sendable, Hashable {
    public var whitelistMode: WhitelistMode?
    public var whitelistPorts: [PortRange]?
    public var upsertOnly: Bool?
    /// The ECS cluster holding the environment's services (default: the environment's name).
    public var ecsCluster: String?
    /// The launch template bastions start from (default: `<env>-bastion`).
    public var bastionLaunchTemplate: String?

    public init(
        whitelistMode: WhitelistMode? = nil, whitelistPorts: [PortRange]? = nil, upsertOnly: Bool? = nil,
        ecsCluster: String? = nil, bastionLaunchTemplate: String? = nil
    ) {
        self.whitelistMode = whitelistMode
        self.whitelistPorts = whitelistPorts
        self.upsertOnly = upsertOnly
        self.ecsCluster = ecsCluster
        self.bastionLaunchTemplate = bastionLaunchTemplate
    }
}
