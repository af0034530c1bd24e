/// What `steward.yaml` overrides for one environment; nil keeps the global setting.
public struct EnvironmentSettings: Sendable, Hashable {
    public var whitelistMode: WhitelistMode?
    public var whitelistPorts: [PortRange]?
    public var upsertOnly: Bool?

    public init(whitelistMode: WhitelistMode? = nil, whitelistPorts: [PortRange]? = nil, upsertOnly: Bool? = nil) {
        self.whitelistMode = whitelistMode
        self.whitelistPorts = whitelistPorts
        self.upsertOnly = upsertOnly
    }
}
