/// How the whitelist loop finds and treats security groups (DESIGN.md conventions as defaults).
public struct WhitelistSettings: Sendable, Hashable {
    /// Tags a group must carry to be managed at all, besides `environmentTagKey=<env>`.
    public var selectionTags: [String: String] = [StewardTag.whitelistManaged: "true"]
    public var environmentTagKey: String = StewardTag.environment
    /// Ports opened to whitelisted networks unless a group's `portsTagKey` tag says otherwise.
    public var defaultPorts: [PortRange] = [.https]
    public var portsTagKey: String = StewardTag.whitelistPorts
    /// Inbound rules per group, IPv4 and IPv6 counted apart (AWS's default quota).
    public var ruleQuota: Int = 60
    public var revokeBudget: RevokeBudget = .default
    /// Grant and update, never revoke (expired entries then stay until the policy changes).
    public var upsertOnly: Bool = false
    public var mode: WhitelistMode = .rules

    public init() {}
}

/// How an environment's networks reach its groups.
public enum WhitelistMode: String, Sendable, Hashable, CaseIterable {
    /// One ingress rule per network and port on every managed group.
    case rules
    /// One managed prefix list per address family holding the networks, referenced by one rule
    /// per group and port: for lists larger than a group's rule quota.
    case prefixList = "prefix-list"
}
