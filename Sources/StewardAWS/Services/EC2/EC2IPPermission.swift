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
        self = item.withCursor(EC2IPPermission.init(cursor:))
    }

    init(cursor item: AWSXMLCursor) {
        self.init(ipProtocol: "-1", fromPort: nil, toPort: nil)
        item.forEachChild { field in
            if field.isNamed("ipProtocol") {
                ipProtocol = field.text
            } else if field.isNamed("fromPort") {
                fromPort = field.int
            } else if field.isNamed("toPort") {
                toPort = field.int
            } else if field.isNamed("ipRanges") {
                ipv4Ranges = field.map("item") { EC2IPRange(cursor: $0, cidrField: "cidrIp") }
            } else if field.isNamed("ipv6Ranges") {
                ipv6Ranges = field.map("item") { EC2IPRange(cursor: $0, cidrField: "cidrIpv6") }
            } else if field.isNamed("prefixListIds") {
                prefixLists = field.map("item") { entry in
                    let range = EC2IPRange(cursor: entry, cidrField: "prefixListId")
                    return EC2PrefixListReference(prefixListID: range.cidr, description: range.description)
                }
            }
        }
    }

    /// The same fields read with `AWSXMLReader` (the item's start tag already returned), into
    /// locals stored once at the end (as `EC2SecurityGroup.init(reading:)` does).
    init(reading reader: inout AWSXMLReader) throws(AWSXMLError) {
        var ipProtocol = "-1"
        var fromPort: Int?, toPort: Int?
        var ipv4Ranges: [EC2IPRange] = [], ipv6Ranges: [EC2IPRange] = []
        var prefixLists: [EC2PrefixListReference] = []
        while let field = try reader.nextChild() {
            if field.isNamed("ipProtocol") {
                ipProtocol = try reader.text()
            } else if field.isNamed("fromPort") {
                fromPort = try reader.int()
            } else if field.isNamed("toPort") {
                toPort = try reader.int()
            } else if field.isNamed("ipRanges") {
                ipv4Ranges = try reader.list("item") { reader throws(AWSXMLError) in try EC2IPRange(reading: &reader, cidrField: "cidrIp") }
            } else if field.isNamed("ipv6Ranges") {
                ipv6Ranges = try reader.list("item") { reader throws(AWSXMLError) in try EC2IPRange(reading: &reader, cidrField: "cidrIpv6") }
            } else if field.isNamed("prefixListIds") {
                prefixLists = try reader.list("item") { reader throws(AWSXMLError) in
                    let range = try EC2IPRange(reading: &reader, cidrField: "prefixListId")
                    return EC2PrefixListReference(prefixListID: range.cidr, description: range.description)
                }
            } else {
                try reader.skip()
            }
        }
        self.init(ipProtocol: ipProtocol, fromPort: fromPort, toPort: toPort, ipv4Ranges: ipv4Ranges, ipv6Ranges: ipv6Ranges, prefixLists: prefixLists)
    }
}
