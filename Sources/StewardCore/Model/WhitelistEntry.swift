import Foundation

/// One network allowed into an environment's managed security groups, until it expires.
public struct WhitelistEntry: Sendable, Hashable, Codable {
    public var cidr: CIDR
    /// Shown on the security-group rule; AWS limits its length and alphabet (see `Policy`).
    public var description: String
    public var addedBy: String
    public var addedAt: Date
    /// `nil` means no expiry, which only a policy with `allow_permanent_entries` accepts.
    public var expiresAt: Date?

    public init(cidr: CIDR, description: String, addedBy: String, addedAt: Date, expiresAt: Date?) {
        self.cidr = cidr
        self.description = description
        self.addedBy = addedBy
        self.addedAt = addedAt
        self.expiresAt = expiresAt
    }

    /// Expired entries stay in the file (history, review) but are never granted.
    public func isActive(at now: Date) -> Bool {
        guard let expiresAt else { return true }
        return now < expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case cidr, description
        case addedBy = "added_by"
        case addedAt = "added_at"
        case expiresAt = "expires_at"
    }
}
