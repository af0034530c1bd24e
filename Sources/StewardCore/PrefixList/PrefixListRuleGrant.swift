/// A rule referencing the environment's list of one family, to authorize on a group and port.
public struct PrefixListRuleGrant: Sendable, Hashable, Codable {
    public var family: AddressFamily
    /// nil: the list is created by the same plan; the executor fills in its id.
    public var listID: String?
    public var networkProtocol: NetworkProtocol
    public var ports: PortRange
    public var description: String
    public var reason: PrefixListReason

    public init(family: AddressFamily, listID: String?, networkProtocol: NetworkProtocol, ports: PortRange, description: String, reason: PrefixListReason = .referenceNeeded) {
        self.family = family
        self.listID = listID
        self.networkProtocol = networkProtocol
        self.ports = ports
        self.description = description
        self.reason = reason
    }

    /// `pl-0abc tcp/443`, or `(new ipv4 list) tcp/443` before the list exists.
    public var summary: String {
        "\(listID ?? "(new \(family.rawValue) list)") \(networkProtocol.rawValue)/\(ports)"
    }
}
