extension CIDR: CustomStringConvertible {
    /// Canonical text: dotted quad for IPv4; RFC 5952 for IPv6 (lower case, the longest run of
    /// two or more zero groups compressed, the first such run on a tie). Always with the prefix.
    public var description: String {
        "\(addressText)/\(prefixLength)"
    }

    /// The network address without the prefix length.
    public var addressText: String {
        switch family {
        case .ipv4:
            let value = UInt32(truncatingIfNeeded: low)
            return "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
        case .ipv6:
            var words = [UInt16](repeating: 0, count: 8)
            for index in 0..<4 {
                words[index] = UInt16(truncatingIfNeeded: high >> (48 - 16 * UInt64(index)))
                words[index + 4] = UInt16(truncatingIfNeeded: low >> (48 - 16 * UInt64(index)))
            }
            var bestStart = -1
            var bestLength = 1
            var index = 0
            while index < 8 {
                if words[index] == 0 {
                    var end = index
                    while end < 8, words[end] == 0 { end += 1 }
                    if end - index > bestLength {
                        bestStart = index
                        bestLength = end - index
                    }
                    index = end
                } else {
                    index += 1
                }
            }
            func hex(_ range: Range<Int>) -> String {
                words[range].map { String($0, radix: 16) }.joined(separator: ":")
            }
            if bestStart < 0 { return hex(0..<8) }
            return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
        }
    }
}
