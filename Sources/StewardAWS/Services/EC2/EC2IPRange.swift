/// One CIDR of an IP permission (IPv4 or IPv6), with its rule description.
public struct EC2IPRange: Sendable, Equatable, Hashable {
    public var cidr: String
    public var description: String?

    public init(cidr: String, description: String? = nil) {
        self.cidr = cidr
        self.description = description
    }
}
