/// Why Steward stopped changing a prefix list: each says what, on which list, and what to do.
public enum PrefixListExecutionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Steward enforces max entries itself (some emulators don't), before AWS would refuse.
    case wouldExceedMaxEntries(listID: String, count: Int, maxEntries: Int)
    /// The list stayed in a `*-in-progress` state past the wait.
    case stillInProgress(listID: String, state: String)
    /// AWS reports the change failed (`modify-failed`, `create-failed`).
    case changeFailed(listID: String, state: String)
    /// The list disappeared between the plan and the change.
    case vanished(listID: String)

    public var description: String {
        switch self {
        case .wouldExceedMaxEntries(let id, let count, let maxEntries):
            return "prefix list \(id) would hold \(count) entries, over its max entries of \(maxEntries); "
                + "nothing was changed — the next reconcile grows it first, or remove entries"
        case .stillInProgress(let id, let state):
            return "prefix list \(id) is still \(state); the change is retried on the next reconcile"
        case .changeFailed(let id, let state):
            return "prefix list \(id) is \(state): AWS rejected the change (often a referencing group can't take the new max entries "
                + "against its rule quota); see the list's state message in the console, then fix the quota or remove entries"
        case .vanished(let id):
            return "prefix list \(id) no longer exists; the next reconcile creates a new one"
        }
    }
}
