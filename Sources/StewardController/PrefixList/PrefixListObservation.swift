import StewardCore

/// What the prefix-list stage read: the managed groups (shared with rules mode) and each
/// prefix-list-mode environment's owned lists.
public struct PrefixListObservation: Sendable {
    public var groups: WhitelistObservation
    public var lists: [EnvironmentName: [ObservedPrefixList]]

    public init(groups: WhitelistObservation, lists: [EnvironmentName: [ObservedPrefixList]] = [:]) {
        self.groups = groups
        self.lists = lists
    }
}
