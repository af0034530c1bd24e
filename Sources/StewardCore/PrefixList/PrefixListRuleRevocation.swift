/// An owned rule to revoke by id in prefix-list mode. `family` is set for rules moved into a
/// list: the executor revokes those only once the reference for the same family and port is
/// in place, so no network loses access while the mode changes.
public struct PrefixListRuleRevocation: Sendable, Hashable, Codable {
    public var ruleID: String
    public var source: ObservedRule.Source
    public var ipProtocol: String
    public var ports: PortRange?
    public var description: String?
    public var family: AddressFamily?
    public var reason: PrefixListReason

    public init(rule: ObservedRule, reason: PrefixListReason, family: AddressFamily? = nil) {
        self.ruleID = rule.ruleID
        self.source = rule.source
        self.ipProtocol = rule.ipProtocol
        self.ports = rule.ports
        self.description = rule.description
        self.family = family
        self.reason = reason
    }

    /// Revoking it removes nobody's access (the network is in the list, or another rule
    /// grants the same): the revoke budget doesn't count it.
    public var keepsAccess: Bool { reason == .movedIntoList || reason == .duplicate }

    public var summary: String {
        let portText = ports.map { "/\($0)" } ?? ""
        return "\(source) \(ipProtocol)\(portText)"
    }
}
