/// A customer-managed prefix list as the observer saw it: a value snapshot, so the
/// prefix-list planner needs no AWS. Only lists carrying Steward's owner and environment tags
/// are observed, but the planner checks the tags again before touching one.
public struct ObservedPrefixList: Sendable, Hashable, Codable {
    /// `pl-…`
    public var id: String
    public var name: String
    public var family: AddressFamily
    /// What a modify must quote as `CurrentVersion`.
    public var version: Int
    /// AWS counts this many rules against the quota of every group rule referencing the list.
    public var maxEntries: Int
    /// Canonical network → entry description ("" when the entry has none).
    public var entries: [CIDR: String]
    public var tags: [String: String]

    public init(
        id: String, name: String, family: AddressFamily, version: Int, maxEntries: Int,
        entries: [CIDR: String] = [:], tags: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.family = family
        self.version = version
        self.maxEntries = maxEntries
        self.entries = entries
        self.tags = tags
    }

    /// Steward's for this environment: owner tag and environment tag both match.
    public func isOwned(by ownerID: String, environment: EnvironmentName) -> Bool {
        tags[StewardTag.owner] == ownerID && tags[StewardTag.ownedEnvironment] == environment.rawValue
    }
}
