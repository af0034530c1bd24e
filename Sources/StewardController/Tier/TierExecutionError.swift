/// Why the tier executor refused to run an action.
public enum TierExecutionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A delete was planned, but the final snapshot is no longer there or no longer available.
    case finalSnapshotNotAvailable(snapshot: String, database: String, status: String?)
    /// A plan paired an action with the wrong kind of resource (a bug in the planner).
    case mismatchedResource(action: String, resource: String)

    public var description: String {
        switch self {
        case .finalSnapshotNotAvailable(let snapshot, let database, let status):
            "not deleting \(database): its final snapshot \(snapshot) is \(status.map { "'\($0)'" } ?? "gone"); Steward takes a new one on the next loop"
        case .mismatchedResource(let action, let resource):
            "internal error: \(action) cannot act on \(resource); please report this"
        }
    }
}
