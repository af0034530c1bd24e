import Foundation
import StewardTestSupport
import Testing

/// `steward run`'s logs as a log platform reads them: with stderr not a terminal (a file here,
/// a pipe under ECS or systemd) every line is one JSON object with timestamp, level, logger,
/// message and metadata. `--log-format text` keeps the terminal format.
@Suite(.serialized) struct RunDaemonLogFormatTests {
    static let levels: Set = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    @Test func everyStderrLineIsAJSONObjectWithTheFieldsWhenStderrIsNotATerminal() async throws {
        try await RunDaemonEstate.with { estate, slot in
            _ = try await estate.managedGroup("web")
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            let daemon = try estate.startDaemon(slot)
            _ = try await daemon.waitForLine("first reconcile completed in ")
            #expect(await daemon.stop() == 0)

            let lines = daemon.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(daemon.stderr.hasSuffix("\n") && lines.count >= 4, "\(daemon.stderr)")
            var events: [[String: Any]] = []
            for line in lines {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard let object else {
                    Issue.record("not a JSON object: \(line)")
                    continue
                }
                #expect(Set(object.keys) == ["timestamp", "level", "logger", "message", "metadata"], "\(line)")
                let timestamp = object["timestamp"] as? String ?? ""
                #expect(timestamp.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil, "timestamp \(timestamp)")
                #expect(Self.levels.contains(object["level"] as? String ?? ""), "\(line)")
                #expect((object["logger"] as? String)?.hasPrefix("steward") == true, "\(line)")
                #expect(object["message"] is String && object["metadata"] is [String: Any], "\(line)")
                events.append(object)
            }
            let finished = try #require(events.first { $0["message"] as? String == "reconcile finished" })
            #expect(finished["logger"] as? String == "steward.loop")
            #expect(finished["level"] as? String == "info")
            let metadata = finished["metadata"] as? [String: Any] ?? [:]
            #expect(metadata["applied"] as? String == "1", "\(metadata)")
            #expect(metadata["duration_ms"] is String)
            #expect(events.contains { $0["message"] as? String == "first reconcile completed" })
            #expect(events.contains { $0["message"] as? String == "reconcile loop stopped" })
        }
    }

    @Test func textFormatWhenAsked() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try estate.writeDesired([])
            let daemon = try estate.startDaemon(slot, ["--log-format", "text"])
            _ = try await daemon.waitForLine("first reconcile completed in ")
            #expect(await daemon.stop() == 0)
            let lines = daemon.stderr.split(separator: "\n")
            #expect(lines.contains { $0.contains("info steward.loop") && $0.contains("reconcile finished") }, "\(daemon.stderr)")
            #expect(!lines.contains { $0.hasPrefix("{") })
        }
    }
}
