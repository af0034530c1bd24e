import StewardCore

/// Where the findings history is kept: a JSON file (`DriftHistoryFile`, the default) or the
/// DynamoDB environments table (`DynamoDBDriftHistory`, when that store is configured). Either
/// way an update is a read-change-write that cannot lose another writer's update.
public protocol DriftHistoryStore: Sendable {
    /// Where it is, as an error or a report says it.
    var location: String { get }
    /// The history, or an empty one when none was written yet.
    func load() async throws(DriftHistoryError) -> DriftHistory
    /// Loads, changes and saves in one step; `change` may run more than once (a store that
    /// lost a race re-reads and applies it again), so it must only fold the history it is given.
    func modify<T: Sendable>(_ change: @Sendable (inout DriftHistory) throws(DriftHistoryError) -> T) async throws(DriftHistoryError) -> T
}

extension DriftHistoryFile: DriftHistoryStore {
    public nonisolated var location: String { url.path }
}
