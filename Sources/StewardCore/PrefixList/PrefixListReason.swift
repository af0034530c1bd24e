/// Why the prefix-list planner wants an action; shown next to every line of a plan and
/// written to the audit log.
public enum PrefixListReason: String, Sendable, Hashable, Codable, CaseIterable {
    case newEntry = "new entry"
    case descriptionChanged = "description changed"
    case expired
    case removed = "removed from desired state"
    /// The list is absent and some network of its family is wanted.
    case listNeeded = "prefix list needed"
    /// More active networks than the list's max entries: grown before entries are added
    /// (AWS refuses a modify that changes both).
    case listFull = "prefix list full"
    /// A managed group and port lacks the rule referencing the environment's list.
    case referenceNeeded = "prefix-list reference needed"
    /// An owned per-network rule whose network is now in the list: revoked once the
    /// reference rule on the same group and port is in place.
    case movedIntoList = "moved into prefix list"
    /// An owned reference to a list Steward no longer uses (family now empty, stray twin list).
    case listNoLongerUsed = "prefix list no longer used"
    case portNotManaged = "port no longer managed"
    case duplicate = "duplicate rule"
}
