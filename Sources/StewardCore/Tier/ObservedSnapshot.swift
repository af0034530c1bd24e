import Foundation

/// A final snapshot Steward took before tearing a database down.
public struct ObservedSnapshot: Sendable, Hashable {
    public var identifier: String
    public var arn: String
    /// `creating`, `available`, …
    public var status: String
    public var createdAt: Date?
    /// The database it restores, as it was.
    public var settings: DatabaseSettings
    public var tags: [String: String]

    public init(identifier: String, arn: String, status: String, createdAt: Date?, settings: DatabaseSettings, tags: [String: String]) {
        self.identifier = identifier
        self.arn = arn
        self.status = status
        self.createdAt = createdAt
        self.settings = settings
        self.tags = tags
    }

    public var isAvailable: Bool { status == "available" }
    /// A database was already restored from it: not a pending restore, not a final snapshot.
    public var isConsumed: Bool { !(tags[StewardTag.restoredAt] ?? "").isEmpty }
    public func isOwned(by ownerID: String) -> Bool { tags[StewardTag.owner] == ownerID }
}
