import Foundation

/// Who changed an environment's tier or bastion outside git review (an environment item in
/// DynamoDB, set from Slack or the CLI), and when: shown next to the values it overrides so a
/// reviewer reading the YAML is not misled. Never part of a desired-state file.
public struct DesiredStateOverrides: Sendable, Hashable {
    /// Where the override lives, e.g. `steward-environments[environment=dev]`.
    public var source: String
    /// The tier the YAML file says, when the override changed it; nil when the tier is not overridden.
    public var reviewedTier: Tier?
    public var tierSetBy: String?
    public var tierSetAt: Date?
    /// True when the bastion lease comes from the environment item rather than YAML.
    public var bastionOverridden: Bool
    public var bastionSetBy: String?
    public var bastionSetAt: Date?

    public init(source: String, reviewedTier: Tier? = nil, tierSetBy: String? = nil, tierSetAt: Date? = nil,
                bastionOverridden: Bool = false, bastionSetBy: String? = nil, bastionSetAt: Date? = nil) {
        self.source = source
        self.reviewedTier = reviewedTier
        self.tierSetBy = tierSetBy
        self.tierSetAt = tierSetAt
        self.bastionOverridden = bastionOverridden
        self.bastionSetBy = bastionSetBy
        self.bastionSetAt = bastionSetAt
    }

    /// One line for `validate`, `plan` and status, e.g. `tier stopped (YAML says running) set by U01 at 2026-…Z in steward-environments[environment=dev]`.
    public func summary(tier: Tier) -> String? {
        var parts: [String] = []
        if let reviewedTier {
            var text = "tier \(tier.rawValue) overrides the reviewed \(reviewedTier.rawValue)"
            if let tierSetBy { text += ", set by \(tierSetBy)" }
            if let tierSetAt { text += " at \(Timestamp.text(tierSetAt))" }
            parts.append(text)
        }
        if bastionOverridden, let bastionSetBy {
            var text = "bastion lease set by \(bastionSetBy)"
            if let bastionSetAt { text += " at \(Timestamp.text(bastionSetAt))" }
            parts.append(text)
        }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + " (\(source))"
    }
}
