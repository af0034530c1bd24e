import Foundation
import StewardCore
import StewardStore

/// The findings history as a JSON file (beside the audit log by default). Written whole to a
/// temporary file and renamed over the old one, so a reader never sees half a history; every
/// read-change-write holds an exclusive `flock` on the sidecar `.<name>.lock` (the same lock
/// as desired-state files), so two `steward drift` processes, or the CLI and the daemon, queue
/// instead of one overwriting the other's update.
public actor DriftHistoryFile {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The history, or an empty one when the file does not exist yet.
    public func load() throws(DriftHistoryError) -> DriftHistory {
        guard FileManager.default.fileExists(atPath: url.path) else { return DriftHistory() }
        do {
            let data = try Data(contentsOf: url)
            return try DriftReportJSON.decoder.decode(DriftHistory.self, from: data)
        } catch {
            throw .unreadable(path: url.path, reason: "\(error)")
        }
    }

    public func save(_ history: DriftHistory) throws(DriftHistoryError) {
        do {
            try DriftReportJSON.encoder.encode(history).write(to: url, options: .atomic)
        } catch {
            throw .unwritable(path: url.path, reason: "\(error)")
        }
    }

    /// Loads, changes and saves in one step (an ack, the daemon's alert marks).
    public func modify<T: Sendable>(_ change: @Sendable (inout DriftHistory) throws(DriftHistoryError) -> T) throws(DriftHistoryError) -> T {
        let outcome: Result<T, DriftHistoryError>
        do {
            outcome = try FileLock.withLock(on: url) { () -> Result<T, DriftHistoryError> in
                do throws(DriftHistoryError) {
                    var history = try load()
                    let result = try change(&history)
                    try save(history)
                    return .success(result)
                } catch {
                    return .failure(error)
                }
            }
        } catch {
            throw .unwritable(path: url.path, reason: "the lock could not be taken: \(error)")
        }
        return try outcome.get()
    }
}
