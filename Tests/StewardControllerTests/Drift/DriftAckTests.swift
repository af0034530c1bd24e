import Foundation
import StewardTestSupport
import Testing

/// `steward drift ack` as a process: an acked finding is listed apart and does not count for
/// the exit code, the ack is audited, `--by` else `$USER` owns it, and an ended ack opens the
/// finding again.
@Suite(.serialized) struct DriftAckTests {
    @Test func ackExcludesFromExitCodeIsAuditedAndReopensWhenItEnds() async throws {
        try await WhitelistWorld.with { world in
            let web = try await world.managedGroup("web")
            try await world.handMadeRule(web, cidr: "198.51.100.7/32")
            world.clock = Date()
            try world.writeDesired("dev", [])
            let environment = world.moto.clientEnvironment.merging(["USER": "bob"]) { $1 }
            func drift(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
                try StewardBinary.runCapturing(["drift", "--no-attribution"] + arguments, in: world.directory, environment: environment)
            }

            let first = try drift(["--format", "json", "--detailed-exitcode"])
            #expect(first.status == 2, "\(first.stderr)")
            let id = try #require(DriftDocument.decode(first.stdout).finding("unmanaged-rule")?.id)

            let unknown = try StewardBinary.runCapturing(["drift", "ack", "nope", "--for", "7d", "--reason", "x"], in: world.directory, environment: environment)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.contains("no open finding 'nope'"))
            let badDuration = try StewardBinary.runCapturing(["drift", "ack", id, "--for", "soon", "--reason", "x"], in: world.directory, environment: environment)
            #expect(badDuration.status == 1)
            #expect(badDuration.stderr.contains("ack duration 'soon'"))

            let ack = try StewardBinary.runCapturing(["drift", "ack", id, "--for", "3d", "--reason", "vendor test"], in: world.directory, environment: environment)
            #expect(ack.status == 0, "\(ack.stderr)")
            #expect(ack.stdout.contains("acknowledged \(id) until"))
            let audit = try String(contentsOf: world.directory.appendingPathComponent("steward-audit.jsonl"), encoding: .utf8)
            #expect(audit.contains("\"action\":\"drift ack\"") && audit.contains("\"actor\":\"bob\"") && audit.contains(id), "\(audit)")

            let acked = try drift(["--format", "json", "--detailed-exitcode"])
            #expect(acked.status == 0, "an acknowledged finding does not count: \(acked.stdout)")
            let document = try DriftDocument.decode(acked.stdout)
            #expect(document.finding("unmanaged-rule")?.state == "acknowledged")
            #expect(document.finding("unmanaged-rule")?.ack?.by == "bob")
            #expect(document.finding("unmanaged-rule")?.ack?.reason == "vendor test")
            #expect(document.status("dev")?.status == "in_sync")
            let text = try drift([])
            #expect(text.stdout.contains("Acknowledged (not counted):"))
            #expect(text.stdout.contains("Acks expiring within a week:\n  \(id) until"))

            let byName = try StewardBinary.runCapturing(["drift", "ack", id, "--for", "1h", "--reason", "mine", "--by", "ana"], in: world.directory, environment: environment)
            #expect(byName.stdout.contains("(by ana)"))

            // The ack ends (its end moved into the past in the history file): the finding is open again.
            let historyURL = world.directory.appendingPathComponent("steward-drift-history.json")
            var history = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: historyURL)) as? [String: Any])
            var acks = try #require(history["acks"] as? [String: [String: Any]])
            acks[id]?["until"] = "2020-01-01T00:00:00Z"
            history["acks"] = acks
            try JSONSerialization.data(withJSONObject: history).write(to: historyURL)
            let reopened = try drift(["--format", "json", "--detailed-exitcode"])
            #expect(reopened.status == 2)
            #expect(try DriftDocument.decode(reopened.stdout).finding("unmanaged-rule")?.state == "open")
        }
    }
}
