import Foundation

/// One entry to add to (or re-add with a new description), or remove from, a prefix list.
public struct PrefixListEntryChange: Sendable, Hashable, Codable {
    public var cidr: CIDR
    /// The new description for an add, the old one for a remove.
    public var description: String
    public var expiresAt: Date?
    public var reason: PrefixListReason

    public init(cidr: CIDR, description: String, expiresAt: Date? = nil, reason: PrefixListReason) {
        self.cidr = cidr
        self.description = description
        self.expiresAt = expiresAt
        self.reason = reason
    }
}
