extension CIDR {
    struct Components {
        var family: AddressFamily
        var high: UInt64
        var low: UInt64
        var prefix: Int
    }

    static func parseComponents(_ text: String) throws(CIDRError) -> Components {
        let trimmed = text.utf8
        guard !trimmed.isEmpty else { throw .empty }
        let addressPart: Substring
        let prefixPart: Substring?
        if let slash = text.firstIndex(of: "/") {
            addressPart = text[..<slash]
            prefixPart = text[text.index(after: slash)...]
        } else {
            addressPart = Substring(text)
            prefixPart = nil
        }
        let family: AddressFamily
        var high: UInt64 = 0
        var low: UInt64 = 0
        if addressPart.contains(":") {
            family = .ipv6
            guard let value = parseIPv6(addressPart) else { throw .malformedAddress(String(addressPart)) }
            (high, low) = value
        } else {
            family = .ipv4
            guard let value = parseIPv4(addressPart) else { throw .malformedAddress(String(addressPart)) }
            low = UInt64(value)
        }
        var prefix = family.bitWidth
        if let prefixPart {
            // Only plain decimal digits: "+8", " 8" and "08" are refused so one network has one spelling.
            guard !prefixPart.isEmpty, prefixPart.count <= 3, prefixPart.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(prefixPart.count > 1 && prefixPart.first == "0"), let value = Int(prefixPart)
            else { throw .malformedPrefixLength(String(prefixPart)) }
            guard value <= family.bitWidth else { throw .prefixLengthOutOfRange(value, family: family) }
            prefix = value
        }
        return Components(family: family, high: high, low: low, prefix: prefix)
    }

    /// Dotted quad, four decimal octets without leading zeros (leading zeros are octal to some
    /// parsers and decimal to others, so they are refused rather than guessed).
    static func parseIPv4<S: StringProtocol>(_ text: S) -> UInt32? {
        var result: UInt32 = 0
        var octets = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(part.count > 1 && part.first == "0"), let value = UInt32(part), value <= 255
            else { return nil }
            result = result << 8 | value
            octets += 1
        }
        return octets == 4 ? result : nil
    }

    /// RFC 4291 text forms: full, `::`-compressed, and a trailing embedded IPv4 address.
    /// Zone ids (`%eth0`) are refused: they mean nothing to a security group.
    static func parseIPv6<S: StringProtocol>(_ text: S) -> (UInt64, UInt64)? {
        guard !text.isEmpty, !text.contains("%") else { return nil }
        let string = String(text)
        let halves = string.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }

        func groups(_ part: String, allowTrailingIPv4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            var result: [UInt16] = []
            for (index, piece) in pieces.enumerated() {
                if allowTrailingIPv4, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseIPv4(piece) else { return nil }
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, piece.allSatisfy({ $0.isHexDigit && $0.isASCII }),
                      let value = UInt16(piece, radix: 16)
                else { return nil }
                result.append(value)
            }
            return result
        }

        var words: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], allowTrailingIPv4: false),
                  let tail = groups(halves[1], allowTrailingIPv4: true),
                  head.count + tail.count <= 7
            else { return nil }
            words = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let all = groups(halves[0], allowTrailingIPv4: true), all.count == 8 else { return nil }
            words = all
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<4 { high = high << 16 | UInt64(words[index]) }
        for index in 4..<8 { low = low << 16 | UInt64(words[index]) }
        return (high, low)
    }
}
