/// Keys of the environments table that Steward keeps for itself (the findings history), not
/// environments. An environment name is letters, digits and `-` (`EnvironmentName`), so no
/// row a person writes can start with `_steward/`; readers of desired state skip these items
/// and the change feed does not wake the loop for them (a history written after every pass
/// would otherwise wake the next pass, forever).
public enum ReservedEnvironmentKey {
    public static let prefix = "_steward/"
    /// The findings history's first (or only) item; further parts follow as `…/part-N`.
    public static let driftHistory = prefix + "drift-history"

    public static func isReserved(_ key: String?) -> Bool {
        key?.hasPrefix(prefix) ?? false
    }
}
