/// An ingress permission: protocol, port range, and who may reach it.
public struct EC2IPPermission: Sendable, Equatable {
    /// `tcp`, `udp`, `icmp` or `-1` (all).
    public var ipProtocol: String
    public var fromPort: Int?
    public var toPort: Int?
    public var ipv4Ranges: [EC2IPRange]
    public var ipv6Ranges: [EC2IPRange]
    public var prefixLists: [EC2PrefixListReference]

    public init(ipProtocol: String, fromPort: Int?, toPort: Int?, ipv4Ranges: [EC2IPRange] = [], ipv6Ranges: [EC2IPRange] = [], prefixLists: [EC2PrefixListReference] = []) {
        self.ipProtocol = ipProtocol
        self.fromPort = fromPort
        self.toPort = toPort
        self.ipv4Ranges = ipv4Ranges
        self.ipv6Ranges = ipv6Ranges
        self.prefixLists = prefixLists
    }

    init(xml item: AWSXMLElement) {
        ipProtocol = item.string("ipProtocol") ?? "-1"
        fromPort = item.int("fromPort")
        toPort = item.int("toPort")
        ipv4Ranges = item.list("ipRanges", item: "item").map { EC2IPRange(cidr: $0.string("cidrIp") ?? "", description: $0.string("description")) }
        ipv6Ranges = item.list("ipv6Ranges", item: "item").map { EC2IPRange(cidr: $0.string("cidrIpv6") ?? "", description: $0.string("description")) }
        prefixLists = item.list("prefixListIds", item: "item").map { EC2PrefixListReference(prefixListID: $0.string("prefixListId") ?? "", description: $0.string("description")) }
    }
}
