/// Every tag key Steward writes or selects by, in one place. Two families that must never be
/// confused: the *selection* tags a team puts on its resources (`Environment`,
/// `WhitelistManaged`, `WhitelistPorts`, `Role`; their names are configurable, these are the
/// defaults), and the `steward:` tags Steward writes on what it owns. What Steward remembers
/// between loops lives in the latter, next to the resource, so a restarted or replaced
/// controller picks it up.
public enum StewardTag {
    // Selection (defaults; see WhitelistSettings and TierSettings)
    /// Names a resource's environment. Selects; never proves ownership.
    public static let environment = "Environment"
    /// A security group whose ingress Steward manages.
    public static let whitelistManaged = "WhitelistManaged"
    /// A group's own ports for whitelisted networks (`22`, `443,8443`).
    public static let whitelistPorts = "WhitelistPorts"

    // Ownership
    /// What Steward owns carries `steward:owner=<owner_id>`; nothing else is ever changed.
    public static let owner = "steward:owner"
    /// The environment of an entry, written on every rule and prefix list Steward creates so
    /// it can be traced back. Distinct from the selection tag: it is never used to select.
    public static let ownedEnvironment = "steward:environment"
    /// The address family of a Steward prefix list.
    public static let prefixListFamily = "steward:family"

    // Tier memory
    // ECS services scaled to zero.
    public static let scaledDown = "steward:scaled-down"
    public static let savedDesiredCount = "steward:saved-desired-count"
    public static let savedMinCapacity = "steward:saved-min-capacity"
    public static let savedMaxCapacity = "steward:saved-max-capacity"
    /// The tier an environment's services were scaled down for (`stopped`, `torn-down`).
    public static let scaledDownFor = "steward:scaled-down-for"
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
    public static let name = "Name"

    // Bastion leases
    /// RFC 3339, UTC: when the lease ends. For people and `bastion status`; Steward decides
    /// from desired state, never from this tag.
    public static let leaseExpiresAt = "steward:lease-expires-at"
    public static let leaseRequestedBy = "steward:lease-requested-by"

    /// `<env>-bastion`, a bastion's `Name`.
    public static func bastionName(_ environment: EnvironmentName) -> String { "\(environment.rawValue)-bastion" }
}
