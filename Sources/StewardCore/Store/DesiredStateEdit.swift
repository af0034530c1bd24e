import Foundation

/// One change to an environment's desired state, as a value: the CLI, Slack and the
/// DynamoDB store all express edits this way, so each store only has to persist them.
public enum DesiredStateEdit: Sendable, Hashable {
    /// Adds the entry, or renews it (new description and expiry) when the network is present.
    case addWhitelistEntry(WhitelistEntry)
    case removeWhitelistEntry(CIDR)
    case setTier(Tier)
    case createBastionLease(BastionLease)
    /// Pushes the lease's expiry out by the span, within the policy's maximum lifetime.
    case extendBastionLease(by: TimeSpan)
    case dropBastionLease
}
