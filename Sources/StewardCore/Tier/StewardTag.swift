/// The tags Steward writes on tier resources and snapshots: what it remembers between loops
/// lives in AWS, next to the resource, so a restarted or replaced controller picks it up.
public enum StewardTag {
    public static let owner = StewardConfiguration.ownerTagKey
    // ECS services scaled to zero.
    public static let scaledDown = "steward:scaled-down"
    public static let savedDesiredCount = "steward:saved-desired-count"
    public static let savedMinCapacity = "steward:saved-min-capacity"
    public static let savedMaxCapacity = "steward:saved-max-capacity"
    /// On a database Steward stopped: if it is found available while the tier says stopped,
    /// AWS (7-day limit) or a person started it behind Steward's back.
    public static let stoppedAt = "steward:stopped-at"
    // Final snapshots taken before a teardown, with all a restore needs.
    public static let purpose = "steward:purpose"
    public static let teardownPurpose = "teardown"
    public static let source = "steward:source"
    public static let sourceKind = "steward:source-kind"
    public static let instanceClass = "steward:class"
    public static let subnetGroup = "steward:subnet-group"
    public static let securityGroups = "steward:security-groups"
    public static let parameterGroup = "steward:parameter-group"
    public static let engine = "steward:engine"
    public static let engineVersion = "steward:engine-version"
    public static let port = "steward:port"
    /// Aurora members as `id=class` pairs, comma separated: a restored cluster has none.
    public static let members = "steward:members"
    /// Set once a database was restored from the snapshot: it is no longer a pending restore.
    public static let restoredAt = "steward:restored-at"
    /// EC2 instances with this role are bastions, handled by leases, never by tiers.
    public static let role = "Role"
    public static let bastionRole = "bastion"
}
