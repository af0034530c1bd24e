extension CIDR {
    struct Components {
        var family: AddressFamily
        var high: UInt64
        var low: UInt64
        var prefix: Int
    }

    static func parseComponents(_ text: String) throws(CIDRError) -> Components {
        // Byte-level: this runs once per entry when a 10,000-entry file is validated.
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .empty }
        let slash = bytes.firstIndex(of: UInt8(ascii: "/"))
        let addressBytes = bytes[..<(slash ?? bytes.endIndex)]
        let family: AddressFamily
        var high: UInt64 = 0
        var low: UInt64 = 0
        if addressBytes.contains(UInt8(ascii: ":")) {
            family = .ipv6
            let addressText = String(decoding: addressBytes, as: UTF8.self)
            guard let value = parseIPv6(addressText) else { throw .malformedAddress(addressText) }
            (high, low) = value
        } else {
            family = .ipv4
            guard let value = parseIPv4Bytes(addressBytes) else { throw .malformedAddress(String(decoding: addressBytes, as: UTF8.self)) }
            low = UInt64(value)
        }
        var prefix = family.bitWidth
        if let slash {
            let prefixBytes = bytes[(slash + 1)...]
            // Only plain decimal digits: "+8", " 8" and "08" are refused so one network has one spelling.
            guard let value = decimal(prefixBytes, maximumDigits: 3) else {
                throw .malformedPrefixLength(String(decoding: prefixBytes, as: UTF8.self))
            }
            guard value <= family.bitWidth else { throw .prefixLengthOutOfRange(value, family: family) }
            prefix = value
        }
        return Components(family: family, high: high, low: low, prefix: prefix)
    }

    /// A decimal number of 1…`maximumDigits` digits without a leading zero (except `0` itself).
    static func decimal(_ bytes: ArraySlice<UInt8>, maximumDigits: Int) -> Int? {
        guard !bytes.isEmpty, bytes.count <= maximumDigits else { return nil }
        if bytes.count > 1, bytes.first == UInt8(ascii: "0") { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func parseIPv4Bytes(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var result: UInt32 = 0
        var octets = 0
        var start = bytes.startIndex
        while start <= bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: ".")) ?? bytes.endIndex
            guard let value = decimal(bytes[start..<end], maximumDigits: 3), value <= 255 else { return nil }
            result = result << 8 | UInt32(value)
            octets += 1
            guard octets <= 4 else { return nil }
            if end == bytes.endIndex { break }
            start = end + 1
        }
        return octets == 4 ? result : nil
    }

    /// Dotted quad, four decimal octets without leading zeros (leading zeros are octal to some
    /// parsers and decimal to others, so they are refused rather than guessed).
    static func parseIPv4<S: StringProtocol>(_ text: S) -> UInt32? {
        parseIPv4Bytes(Array(text.utf8)[...])
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
