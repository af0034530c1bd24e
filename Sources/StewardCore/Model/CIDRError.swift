/// Why a piece of text is not a usable CIDR block.
public enum CIDRError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case malformedAddress(String)
    case malformedPrefixLength(String)
    case prefixLengthOutOfRange(Int, family: AddressFamily)
    /// Host bits are set below the prefix; AWS would silently store `canonical` instead.
    case hostBitsSet(String, canonical: CIDR)

    public var description: String {
        switch self {
        case .empty:
            return "empty CIDR; expected an address such as 203.0.113.10/32 or 2001:db8::/48"
        case .malformedAddress(let text):
            return "'\(text)' is not an IPv4 or IPv6 address"
        case .malformedPrefixLength(let text):
            return "'\(text)' is not a prefix length; expected a number after '/'"
        case .prefixLengthOutOfRange(let length, let family):
            return "prefix length /\(length) is out of range for \(family == .ipv4 ? "IPv4 (0-32)" : "IPv6 (0-128)")"
        case .hostBitsSet(let text, let canonical):
            return "'\(text)' has host bits set; the network is \(canonical) (write that, or the /\(canonical.family.bitWidth) of the single address)"
        }
    }
}
