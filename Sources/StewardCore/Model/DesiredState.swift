import Foundation

/// Everything one environment's desired-state file says.
public struct DesiredState: Sendable, Hashable, Codable {
    public var environment: EnvironmentName
    public var tier: Tier
    /// Protected environments refuse teardown unless `allowTeardownUntil` is in the future,
    /// and their mass revokes need an explicit override.
    public var isProtected: Bool
    /// A reviewed, time-boxed exception to `protected` for teardown.
    public var allowTeardownUntil: Date?
    public var whitelist: [WhitelistEntry]
    public var bastion: BastionLease?
    /// Who overrode `tier` or `bastion` outside review, when a layered store merged them in.
    /// Not encoded: a desired-state file never carries it.
    public var overrides: DesiredStateOverrides? = nil

    public init(
        environment: EnvironmentName,
        tier: Tier = .running,
        isProtected: Bool = false,
        allowTeardownUntil: Date? = nil,
        whitelist: [WhitelistEntry] = [],
        bastion: BastionLease? = nil
    ) {
        self.environment = environment
        self.tier = tier
        self.isProtected = isProtected
        self.allowTeardownUntil = allowTeardownUntil
        self.whitelist = whitelist
        self.bastion = bastion
    }

    /// The entries to grant now.
    public func activeEntries(at now: Date) -> [WhitelistEntry] {
        whitelist.filter { $0.isActive(at: now) }
    }

    /// The entry for a network, if any (CIDRs are unique per environment).
    public func entry(for cidr: CIDR) -> WhitelistEntry? {
        whitelist.first { $0.cidr == cidr }
    }

    /// The earliest future moment at which something in this file stops being active:
    /// the reconcile loop wakes then instead of waiting for its interval.
    public func nextExpiry(after now: Date) -> Date? {
        let times = whitelist.compactMap(\.expiresAt) + [bastion?.expiresAt].compactMap { $0 }
        return times.filter { $0 > now }.min()
    }

    enum CodingKeys: String, CodingKey {
        case environment, tier
        case isProtected = "protected"
        case allowTeardownUntil = "allow_teardown_until"
        case whitelist, bastion
    }
}
