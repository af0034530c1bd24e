import Foundation

/// An ingress rule to authorize, tagged as Steward's.
public struct RuleGrant: Sendable, Hashable, Codable {
    public var cidr: CIDR
    public var networkProtocol: NetworkProtocol
    public var ports: PortRange
    public var description: String
    public var expiresAt: Date?
    public var reason: PlanReason

    public init(cidr: CIDR, networkProtocol: NetworkProtocol, ports: PortRange, description: String, expiresAt: Date?, reason: PlanReason) {
        self.cidr = cidr
        self.networkProtocol = networkProtocol
        self.ports = ports
        self.description = description
        self.expiresAt = expiresAt
        self.reason = reason
    }
}
