import Foundation

/// A request for one bastion instance in an environment, alive until `expiresAt`.
public struct BastionLease: Sendable, Hashable, Codable {
    /// Slack user id or CLI user who asked.
    public var requestedBy: String
    /// When the lease began; bounds `extend` by the policy's maximum lifetime.
    /// Optional so hand-written files may leave it out (then the lifetime cap counts from expiry).
    public var requestedAt: Date?
    public var expiresAt: Date

    public init(requestedBy: String, requestedAt: Date?, expiresAt: Date) {
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.expiresAt = expiresAt
    }

    public func isActive(at now: Date) -> Bool { now < expiresAt }

    enum CodingKeys: String, CodingKey {
        case requestedBy = "requested_by"
        case requestedAt = "requested_at"
        case expiresAt = "expires_at"
    }
}
