import Foundation

/// An RDS instance (not an Aurora member) or an Aurora cluster of an environment.
public struct ObservedDatabase: Sendable, Hashable {
    public var settings: DatabaseSettings
    public var arn: String
    public var status: String
    public var deletionProtection: Bool
    /// Read replicas can't be stopped; neither can SQL Server Multi-AZ instances.
    public var isReadReplica: Bool
    public var multiAZ: Bool
    public var tags: [String: String]

    public init(settings: DatabaseSettings, arn: String, status: String, deletionProtection: Bool = false,
                isReadReplica: Bool = false, multiAZ: Bool = false, tags: [String: String]) {
        self.settings = settings
        self.arn = arn
        self.status = status
        self.deletionProtection = deletionProtection
        self.isReadReplica = isReadReplica
        self.multiAZ = multiAZ
        self.tags = tags
    }

    public var identifier: String { settings.identifier }
    public var kind: DatabaseKind { settings.kind }
    public var state: DatabaseState { DatabaseState(status: status) }
    public func isOwned(by ownerID: String) -> Bool { tags[StewardTag.owner] == ownerID }

    /// Why AWS won't stop this database, if it won't.
    public var cannotStopReason: String? {
        if isReadReplica { return "read replicas can't be stopped" }
        if kind == .instance, multiAZ, settings.engine.hasPrefix("sqlserver") { return "SQL Server Multi-AZ instances can't be stopped" }
        return nil
    }

    /// When Steward last stopped it (from its tag).
    public var stoppedBySteward: Date? { tags[StewardTag.stoppedAt].flatMap { try? Timestamp.parse($0) } }
}
