/// The safety rules that can hold part of a plan back. The raw values label metrics
/// (`steward_refusals_total{guard}`) and JSON: never rename one.
public enum GuardName: String, Sendable, Hashable, Codable, CaseIterable {
    /// Desired state could not be read: nothing changes but revoking what is known to have expired.
    case unreadableDesiredState = "unreadable-desired-state"
    /// More revokes than a run may make without `--force`.
    case revokeBudget = "revoke-budget"
    /// The environment grants and updates, never revokes.
    case upsertOnly = "upsert-only"
    /// A group's inbound-rule quota would be exceeded.
    case ruleQuota = "rule-quota"
    /// A prefix list would exceed what AWS or the groups' quota allows.
    case prefixListCapacity = "prefix-list-capacity"
    /// Teardown of a protected environment without a reviewed, future `allow_teardown_until`.
    case protectedTeardown = "protected-teardown"
    /// `apply` met an action the confirmed plan did not show.
    case unconfirmed

    /// How a person reads it in a `refused:` line.
    public var title: String {
        switch self {
        case .unreadableDesiredState: "desired state unreadable"
        case .revokeBudget: "revoke budget"
        case .upsertOnly: "upsert-only"
        case .ruleQuota: "rule quota"
        case .prefixListCapacity: "prefix-list capacity"
        case .protectedTeardown: "protected teardown"
        case .unconfirmed: "not in the confirmed plan"
        }
    }
}
