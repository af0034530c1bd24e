/// Which parts of the estate a reconciler converges. The whitelist (rules and prefix-list
/// mode) always; tiers and bastions unless left out (a test of the whitelist alone).
public struct ReconcileStages: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let tiers = ReconcileStages(rawValue: 1 << 0)
    public static let bastions = ReconcileStages(rawValue: 1 << 1)

    public static let whitelistOnly: ReconcileStages = []
    public static let all: ReconcileStages = [.tiers, .bastions]
}
