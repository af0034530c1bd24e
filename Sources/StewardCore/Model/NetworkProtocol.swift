/// The IP protocol of a whitelist rule. Steward grants TCP by default; UDP exists for the odd
/// VPN endpoint.
public enum NetworkProtocol: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case tcp
    case udp

    public static func < (lhs: NetworkProtocol, rhs: NetworkProtocol) -> Bool { lhs.rawValue < rhs.rawValue }
}
