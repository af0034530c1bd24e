import Foundation

extension Policy {
    /// What is wrong with a network under this policy, or nil when it is acceptable.
    public func violation(for cidr: CIDR) -> String? {
        if cidr.isWorldOpen {
            return allowWorldOpen ? nil
                : "\(cidr) opens the group to the whole internet; policy.allow_world_open is false"
        }
        let minimum = minimumPrefixLength(for: cidr.family)
        if cidr.prefixLength < minimum {
            return "\(cidr) is wider than policy allows (/\(minimum) or narrower for \(cidr.family == .ipv4 ? "IPv4" : "IPv6")); "
                + "whitelist the specific addresses, or raise policy.minimum_prefix_length_\(cidr.family.rawValue)"
        }
        return nil
    }

    /// What is wrong with a rule description under AWS's rules, or nil when it is acceptable.
    public func violation(forDescription text: String) -> String? {
        // Fast path for the common case (short, plain ASCII): validating a 10,000-entry file
        // calls this for every entry, and Character-level checks cost microseconds each.
        if text.utf8.count <= Policy.maximumDescriptionLength, text.utf8.allSatisfy({ Policy.allowedDescriptionBytes[Int($0)] }) {
            return nil
        }
        if text.count > Policy.maximumDescriptionLength {
            return "description is \(text.count) characters; AWS allows at most \(Policy.maximumDescriptionLength)"
        }
        if let bad = text.first(where: { !Policy.isAllowedInDescription($0) }) {
            let shown = bad.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined()
            return "description contains '\(bad)' (\(shown)); AWS accepts only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*"
        }
        return nil
    }

    static let allowedDescriptionBytes: [Bool] = (0..<256).map { byte in
        byte < 128 && isAllowedInDescription(Character(Unicode.Scalar(UInt8(byte))))
    }

    static func isAllowedInDescription(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || descriptionPunctuation.contains(character)
    }

    /// What is wrong with an expiry (relative to `addedAt`, or to `now` for new edits).
    public func violation(forExpiry expiresAt: Date?, from start: Date) -> String? {
        guard let expiresAt else {
            return allowPermanentEntries ? nil
                : "entry has no expires_at; policy.allow_permanent_entries is false (give an expiry up to \(maximumTTL))"
        }
        if expiresAt.timeIntervalSince(start) > maximumTTL.timeInterval {
            return "expiry is more than the maximum TTL (\(maximumTTL)) after it was added"
        }
        if expiresAt < start {
            return "expires_at is before added_at"
        }
        return nil
    }

    /// Every reason a whitelist entry is unacceptable, empty when it is fine.
    public func violations(for entry: WhitelistEntry) -> [String] {
        [violation(for: entry.cidr), violation(forDescription: entry.description),
         violation(forExpiry: entry.expiresAt, from: entry.addedAt)].compactMap { $0 }
    }
}
