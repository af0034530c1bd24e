/// An owned rule whose description no longer matches its entry; updated in place so the
/// rule (and the access it grants) never blinks.
public struct DescriptionUpdate: Sendable, Hashable, Codable {
    public var ruleID: String
    public var cidr: CIDR
    public var networkProtocol: NetworkProtocol
    public var ports: PortRange
    public var oldDescription: String?
    public var newDescription: String
    public var reason: PlanReason { .descriptionChanged }

    public init(ruleID: String, cidr: CIDR, networkProtocol: NetworkProtocol, ports: PortRange, oldDescription: String?, newDescription: String) {
        self.ruleID = ruleID
        self.cidr = cidr
        self.networkProtocol = networkProtocol
        self.ports = ports
        self.oldDescription = oldDescription
        self.newDescription = newDescription
    }

    enum CodingKeys: String, CodingKey {
        case ruleID, cidr, networkProtocol, ports, oldDescription, newDescription, reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleID = try container.decode(String.self, forKey: .ruleID)
        cidr = try container.decode(CIDR.self, forKey: .cidr)
        networkProtocol = try container.decode(NetworkProtocol.self, forKey: .networkProtocol)
        ports = try container.decode(PortRange.self, forKey: .ports)
        oldDescription = try container.decodeIfPresent(String.self, forKey: .oldDescription)
        newDescription = try container.decode(String.self, forKey: .newDescription)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ruleID, forKey: .ruleID)
        try container.encode(cidr, forKey: .cidr)
        try container.encode(networkProtocol, forKey: .networkProtocol)
        try container.encode(ports, forKey: .ports)
        try container.encodeIfPresent(oldDescription, forKey: .oldDescription)
        try container.encode(newDescription, forKey: .newDescription)
        try container.encode(reason, forKey: .reason)
    }
}
