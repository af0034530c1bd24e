/// An IPv4 or IPv6 network in canonical form: host bits are always zero.
///
/// AWS stores `100.68.0.18/18` as `100.68.0.0/18`; diffing on anything but canonical
/// networks would make Steward re-authorize and re-revoke the same rule forever, so the
/// strict initializer refuses host bits and `init(canonicalizing:)` exists only for reading
/// what AWS (or a hand-made rule) holds.
public struct CIDR: Sendable, Hashable {
    public let family: AddressFamily
    /// The address as a 128-bit number; IPv4 uses the low 32 bits of `low`.
    public let high: UInt64
    public let low: UInt64
    public let prefixLength: Int

    /// Strict parse: a bare address means /32 or /128; host bits set is an error naming the
    /// canonical network.
    public init(_ text: String) throws(CIDRError) {
        let parsed = try CIDR.parseComponents(text)
        let network = CIDR(family: parsed.family, high: parsed.high, low: parsed.low, maskingTo: parsed.prefix)
        guard network.high == parsed.high, network.low == parsed.low else {
            throw .hostBitsSet(text, canonical: network)
        }
        self = network
    }

    /// Lenient parse for observed rules: masks host bits the way AWS does.
    public init(canonicalizing text: String) throws(CIDRError) {
        let parsed = try CIDR.parseComponents(text)
        self.init(family: parsed.family, high: parsed.high, low: parsed.low, maskingTo: parsed.prefix)
    }

    public init(family: AddressFamily, high: UInt64, low: UInt64, maskingTo prefixLength: Int) {
        precondition(prefixLength >= 0 && prefixLength <= family.bitWidth, "prefix length out of range")
        self.family = family
        self.prefixLength = prefixLength
        switch family {
        case .ipv4:
            let mask: UInt64 = prefixLength == 0 ? 0 : (UInt64(UInt32.max) << (32 - prefixLength)) & UInt64(UInt32.max)
            self.high = 0
            self.low = low & mask
        case .ipv6:
            let (highMask, lowMask) = CIDR.ipv6Mask(prefixLength)
            self.high = high & highMask
            self.low = low & lowMask
        }
    }

    /// `0.0.0.0/0` or `::/0`.
    public var isWorldOpen: Bool { prefixLength == 0 }

    /// The single-address network (/32 or /128).
    public var isSingleAddress: Bool { prefixLength == family.bitWidth }

    /// True when every address of `other` lies inside this network.
    public func contains(_ other: CIDR) -> Bool {
        guard family == other.family, other.prefixLength >= prefixLength else { return false }
        return CIDR(family: other.family, high: other.high, low: other.low, maskingTo: prefixLength) == self
    }

    public static let anyIPv4 = CIDR(family: .ipv4, high: 0, low: 0, maskingTo: 0)
    public static let anyIPv6 = CIDR(family: .ipv6, high: 0, low: 0, maskingTo: 0)

    static func ipv6Mask(_ prefixLength: Int) -> (UInt64, UInt64) {
        if prefixLength == 0 { return (0, 0) }
        if prefixLength <= 64 { return (UInt64.max << (64 - prefixLength), 0) }
        if prefixLength == 128 { return (UInt64.max, UInt64.max) }
        return (UInt64.max, UInt64.max << (128 - prefixLength))
    }
}

extension CIDR: Comparable {
    /// IPv4 before IPv6, then by address, then wider networks first: a stable order for plans.
    public static func < (lhs: CIDR, rhs: CIDR) -> Bool {
        if lhs.family != rhs.family { return lhs.family < rhs.family }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        if lhs.low != rhs.low { return lhs.low < rhs.low }
        return lhs.prefixLength < rhs.prefixLength
    }
}

extension CIDR: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CIDR(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
