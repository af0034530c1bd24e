import Foundation

/// Rewrites the lease tags of the bastion Steward keeps, after `extend` (or a new lease that
/// adopts a still-running bastion): the instance shows the expiry people should expect.
public struct BastionLeaseTagUpdate: Sendable, Hashable, Codable {
    public var instanceID: String
    /// The expiry tag as found; nil when the instance has none (e.g. the launch's tagging
    /// didn't happen).
    public var previousExpiry: String?
    public var expiresAt: Date
    public var tags: [String: String]

    public init(instanceID: String, previousExpiry: String?, expiresAt: Date, tags: [String: String]) {
        self.instanceID = instanceID
        self.previousExpiry = previousExpiry
        self.expiresAt = expiresAt
        self.tags = tags
    }
}
