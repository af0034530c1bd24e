/// What an RDS status means for the tier loop. AWS only accepts stop, start, snapshot and
/// delete from a settled state; everything in between means "wait and look again".
public enum DatabaseState: Sendable, Hashable {
    case available
    case stopped
    /// On its way somewhere (`starting`, `stopping`, `modifying`, `backing-up`, `creating`…).
    case transitional(String)
    case deleting
    /// Needs a person (`failed`, `storage-full`, `incompatible-…`, `inaccessible-…`).
    case needsAttention(String)

    public init(status: String) {
        switch status {
        case "available": self = .available
        case "stopped": self = .stopped
        case "deleting": self = .deleting
        case "failed", "storage-full", "restore-error", "incompatible-network", "incompatible-option-group",
             "incompatible-parameters", "incompatible-restore", "inaccessible-encryption-credentials",
             "inaccessible-encryption-credentials-recoverable", "insufficient-capacity":
            self = .needsAttention(status)
        default: self = .transitional(status)
        }
    }
}
