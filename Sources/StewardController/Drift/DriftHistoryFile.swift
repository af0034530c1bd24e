import Foundation
import StewardCore

/// The findings history as a JSON file (beside the audit log by default). Written whole to a
/// temporary file and renamed over the old one, so a reader never sees half a history.
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
    public func modify<T: Sendable>(_ change: (inout DriftHistory) throws(DriftHistoryError) -> T) throws(DriftHistoryError) -> T {
        var history = try load()
        let result = try change(&history)
        try save(history)
        return result
    }
}
