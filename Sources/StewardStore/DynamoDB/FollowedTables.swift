import Synchronization

/// The tables the change feed follows now. Followers check it at each look at their table, so
/// one whose environment went away stops there, without cancelling its siblings.
final class FollowedTables: Sendable {
    private let names = Mutex<Set<String>>([])

    /// Sets the list; returns the tables not followed before.
    func replace(with tables: Set<String>) -> Set<String> {
        names.withLock { current in
            defer { current = tables }
            return tables.subtracting(current)
        }
    }

    func contains(_ table: String) -> Bool {
        names.withLock { $0.contains(table) }
    }
}
