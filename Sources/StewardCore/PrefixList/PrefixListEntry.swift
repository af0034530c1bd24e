/// One network in a prefix list, as Steward wants it.
public struct PrefixListEntry: Sendable, Hashable, Codable, Comparable {
    public var cidr: CIDR
    public var description: String

    public init(cidr: CIDR, description: String) {
        self.cidr = cidr
        self.description = description
    }

    public static func < (lhs: PrefixListEntry, rhs: PrefixListEntry) -> Bool { lhs.cidr < rhs.cidr }
}
