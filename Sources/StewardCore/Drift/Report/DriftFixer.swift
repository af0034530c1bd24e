/// Who made a resolved finding go away, when that can be told: Steward only ever corrects what
/// it owns, so a finding about something it never touches was fixed by someone else.
public enum DriftFixer: String, Sendable, Hashable, Codable {
    case steward
    case someoneElse = "someone-else"

    /// The fixer a finding implies, or nil when either could have fixed it (Steward corrects
    /// these on apply, and a person could have too). An entry wider than policy in a prefix
    /// list is Steward's to remove, unlike a hand-made wide rule on a group.
    public static func implied(by item: DriftItem) -> DriftFixer? {
        if item.kind == .ruleWiderThanPolicy, item.resource.type == "prefix-list" { return nil }
        return implied(by: item.kind)
    }

    /// The fixer a finding's kind implies, or nil when either could have fixed it.
    public static func implied(by kind: DriftKind) -> DriftFixer? {
        switch kind {
        case .unmanagedRule, .worldOpenRule, .ruleWiderThanPolicy, .grantedByUnmanagedRule, .unownedResource, .unownedBastion,
             .orphanedResource, .invalidDesiredState, .desiredStateUnknownEnvironment, .desiredStateConflict:
            .someoneElse
        case .expiredEntryGranted, .ownedRuleNotDesired, .entryNotGranted, .tierNotAsDesired, .databaseStartedBehindSteward,
             .serviceScaledUpWhileStopped, .bastionWithoutLease:
            nil
        }
    }
}
