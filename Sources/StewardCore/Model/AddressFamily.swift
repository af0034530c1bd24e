/// The two address families AWS security groups and prefix lists keep apart
/// (IPv4 and IPv6 rules are counted against separate quotas).
public enum AddressFamily: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case ipv4
    case ipv6

    /// Width of an address in bits.
    public var bitWidth: Int { self == .ipv4 ? 32 : 128 }

    public static func < (lhs: AddressFamily, rhs: AddressFamily) -> Bool {
        lhs == .ipv4 && rhs == .ipv6
    }
}
