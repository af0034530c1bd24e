import Foundation
import StewardTestSupport
import Testing

/// The README's first command, `bash examples/quickstart.sh`, run as a user runs it (with the
/// binary this test run built, so it does not build again): every step it promises shows in its
/// output, and it exits 0 only when each one happened. The script checks AWS itself with boto3
/// and fails on any missing step, so a zero exit is the main assertion; the lines pin what the
/// user sees.
@Suite struct QuickstartScriptTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.timeLimit(.minutes(8)))
    func theQuickStartShowsTheControllerAtWork() async throws {
        #expect(ProcessRunner.which("moto_server") != nil, "moto_server is needed (.ci/run installs it)")
        // One of the suite's heavy-peer slots: the script runs its own moto_server and daemon,
        // and its timings (authorized within a second) need the machine not to be swamped.
        await TestSlots.peers.acquire()
        let result: ProcessRunner.Result
        do {
            let port = try FreePort.find()
            result = try await ProcessRunner.run(
                "/bin/bash", [Self.repository.appendingPathComponent("examples/quickstart.sh").path],
                environment: StewardBinary.environment(["STEWARD_BIN": StewardBinary.url.path, "QUICKSTART_MOTO_PORT": "\(port)"]),
                in: Self.repository)
        } catch {
            await TestSlots.peers.release()
            throw error
        }
        await TestSlots.peers.release()
        let output = result.stdout
        #expect(result.status == 0, "quickstart failed:\n\(output)\n\(result.stderr)")

        #expect(output.contains("==> steward run (in the background"), "\(output)")
        #expect(output.contains("first reconcile completed in "))
        #expect(output.contains("queued: 203.0.113.50/32 added to dev until "))
        let authorized = Self.seconds(after: "authorized after ", in: output)
        #expect(authorized.count == 2, "\(output)")
        // Within a second of `whitelist add`: the directory watch wakes the loop (no interval wait).
        #expect(authorized.allSatisfy { $0 <= 1.0 }, "authorized after \(authorized) s")
        #expect(output.contains("queued: 203.0.113.51/32 added to dev until "))
        #expect(output.contains("s to go: still authorized"))
        let revoked = Self.seconds(after: "revoked ", in: output)
        #expect(revoked.count == 1 && revoked.allSatisfy { $0 <= 2.0 }, "revoked \(revoked) s after expiry")
        #expect(output.contains("192.0.2.200/32"))
        #expect(output.contains("the hand-made rule 192.0.2.200/32 is reported as drift and left in place"))
        #expect(output.contains("stopped cleanly (exit 0)"))
        #expect(output.contains("revoke"), "the audit log lists the daemon's revoke")
        let total = Self.seconds(after: "Quick start done in ", in: output)
        #expect(total.count == 1 && total.allSatisfy { $0 < 60 }, "the quick start must take under a minute after the build: \(total)")
    }

    /// The numbers that follow `prefix` on the output's lines ("authorized after 0.4 s").
    static func seconds(after prefix: String, in output: String) -> [Double] {
        output.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: prefix) else { return nil }
            return Double(line[range.upperBound...].prefix { $0.isNumber || $0 == "." })
        }
    }
}
