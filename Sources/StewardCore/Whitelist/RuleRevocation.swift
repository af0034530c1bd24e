/// An owned ingress rule to revoke, by rule id (never by permission: an id can only ever
/// name the rule Steward saw, so a revoke can't hit a hand-made twin).
public struct RuleRevocation: Sendable, Hashable, Codable {
    public var ruleID: String
    public var source: ObservedRule.Source
    public var ipProtocol: String
    public var ports: PortRange?
    public var description: String?
    public var reason: PlanReason

    public init(rule: ObservedRule, reason: PlanReason) {
        self.ruleID = rule.ruleID
        self.source = rule.source
        self.ipProtocol = rule.ipProtocol
        self.ports = rule.ports
        self.description = rule.description
        self.reason = reason
    }
}
