extension PrefixListRuleGrant {
    /// The reference rule as an action target: `pl-0abc tcp/443`.
    public var target: ActionTarget {
        .grant(source: listID ?? "(new \(family.rawValue) list)", networkProtocol: networkProtocol, ports: ports)
    }
}
