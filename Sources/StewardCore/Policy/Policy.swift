import Foundation

/// The rules every desired-state edit and every plan is held to. Defaults are the safe ones;
/// `steward.yaml` may loosen or tighten them.
public struct Policy: Sendable, Hashable {
    /// Narrowest allowed networks: a /8 whitelisted by a typo is how breaches start.
    public var minimumPrefixLengthIPv4: Int = 24
    public var minimumPrefixLengthIPv6: Int = 48
    /// 0.0.0.0/0 and ::/0 are refused unless this is set.
    public var allowWorldOpen: Bool = false
    /// Entries without `expires_at` are refused unless this is set.
    public var allowPermanentEntries: Bool = false
    public var defaultTTL: TimeSpan = .days(7)
    public var maximumTTL: TimeSpan = .days(90)
    public var bastionTTL: TimeSpan = .hours(3)
    /// How long a bastion lease may live in total, however often it is extended.
    public var bastionMaximumLifetime: TimeSpan = .hours(12)

    public init() {}

    public static let `default` = Policy()

    /// AWS's limit for a security-group rule description.
    public static let maximumDescriptionLength = 255
    /// The characters AWS accepts in a rule description, besides ASCII letters and digits.
    public static let descriptionPunctuation: Set<Character> = Set(". _-:/()#,@[]+=&;{}!$*")

    public func minimumPrefixLength(for family: AddressFamily) -> Int {
        family == .ipv4 ? minimumPrefixLengthIPv4 : minimumPrefixLengthIPv6
    }
}
