/// What kind of difference a drift item is. The raw values are part of finding ids: never
/// rename one.
public enum DriftKind: String, Sendable, Hashable, Codable, CaseIterable {
    // Whitelist
    /// An ingress rule on a managed group that Steward doesn't own.
    case unmanagedRule = "unmanaged-rule"
    /// An unowned rule open to the whole internet on a managed group.
    case worldOpenRule = "world-open-rule"
    /// A desired entry already granted by an unowned rule: Steward can't add its own twin (AWS
    /// refuses duplicates) and won't adopt someone else's rule.
    case grantedByUnmanagedRule = "granted-by-unmanaged-rule"
    /// An unowned rule on a managed group, or an entry of Steward's prefix list, wider than
    /// policy lets any entry be.
    case ruleWiderThanPolicy = "rule-wider-than-policy"
    /// An owned rule whose entry has expired, still in AWS: access past its end date.
    case expiredEntryGranted = "expired-entry-granted"
    /// An owned rule no entry wants any more (removed, a duplicate, a port no longer managed).
    case ownedRuleNotDesired = "owned-rule-not-desired"
    /// A desired entry with no rule in AWS yet.
    case entryNotGranted = "entry-not-granted"
    // Tiers
    /// A service, database or instance of the environment without Steward's owner tag.
    case unownedResource = "unowned-resource"
    /// A database Steward stopped found available while its tier says stopped: AWS's 7-day
    /// restart, or a person.
    case databaseStartedBehindSteward = "database-started-behind-steward"
    /// A service Steward scaled to zero found scaled up while its tier says stopped.
    case serviceScaledUpWhileStopped = "service-scaled-up-while-stopped"
    /// A service, database or instance Steward owns that is not in the state the tier says.
    case tierNotAsDesired = "tier-not-as-desired"
    // Bastions
    /// A bastion-looking instance that isn't Steward's: hand-made, or another owner's.
    case unownedBastion = "unowned-bastion"
    /// An owned bastion no lease accounts for (expired, removed, more than one, tier not running).
    case bastionWithoutLease = "bastion-without-lease"
    // Any
    /// Something Steward owns in an environment that no longer exists in desired state: left
    /// alone (a deleted file must not tear anything down), reported until someone decides.
    case orphanedResource = "orphaned-resource"
    // Desired state
    /// A desired-state file or row that could not be used (invalid).
    case invalidDesiredState = "invalid-desired-state"
    /// A DynamoDB row (whitelist row or environments-table item) naming an environment that no
    /// YAML file or steward.yaml entry defines.
    case desiredStateUnknownEnvironment = "desired-state-unknown-environment"
    /// A DynamoDB row saying something else than the reviewed YAML about the same network.
    case desiredStateConflict = "desired-state-conflict"
}
