import Foundation
import StewardController
import StewardCore
import Testing

/// Two writers of one history file (two `steward drift` processes, or the CLI and the daemon)
/// must not lose each other's updates: each read-change-write holds the sidecar lock.
struct DriftHistoryFileLockTests {
    @Test func concurrentWritersThroughTwoInstancesLoseNoUpdate() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("drift-lock-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("steward-drift-history.json")
        // Two instances stand for two processes: the actor serialises only its own calls.
        let writers = [DriftHistoryFile(url: url), DriftHistoryFile(url: url)]
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let perWriter = 25
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (w, writer) in writers.enumerated() {
                for n in 0..<perWriter {
                    group.addTask {
                        try await writer.modify { (history: inout DriftHistory) throws(DriftHistoryError) in
                            history.acks["w\(w)-\(n)"] = DriftAck(by: "w\(w)", reason: "test", until: now.addingTimeInterval(86_400), at: now)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let history = try await DriftHistoryFile(url: url).load()
        #expect(history.acks.count == writers.count * perWriter)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent(".steward-drift-history.json.lock").path))
    }
}
