/// The tags on a bastion Steward launches. `Role` and the owner are shared with the tier
/// code (which must leave bastions alone); the lease tags are the bastion's own.
public enum BastionTag {
    public static let role = StewardTag.role
    public static let bastionRole = StewardTag.bastionRole
    public static let owner = StewardConfiguration.ownerTagKey
    /// RFC 3339, UTC: when the lease ends. For people and `bastion status`; Steward decides
    /// from desired state, never from this tag.
    public static let leaseExpiresAt = "steward:lease-expires-at"
    public static let leaseRequestedBy = "steward:lease-requested-by"
    public static let name = "Name"

    /// `<env>-bastion`, the instance's `Name`.
    public static func instanceName(_ environment: EnvironmentName) -> String { "\(environment.rawValue)-bastion" }
}
