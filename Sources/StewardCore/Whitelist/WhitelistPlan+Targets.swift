extension RuleGrant {
    /// `203.0.113.10/32 tcp/443`
    public var target: ActionTarget { .grant(source: cidr.description, networkProtocol: networkProtocol, ports: ports) }
}

extension RuleRevocation {
    /// `sgr-0abc 203.0.113.10/32`
    public var target: ActionTarget { .rule(id: ruleID, source: source.description) }
}

extension DescriptionUpdate {
    /// `sgr-0abc 203.0.113.10/32`
    public var target: ActionTarget { .rule(id: ruleID, source: cidr.description) }
}
