import Foundation
import StewardTestSupport
import Testing

/// `steward health` as a container's HEALTHCHECK runs it: a separate process asking a running
/// `steward run`'s /healthz. Exit 0 on 200; exit 1 with one line on stderr otherwise.
@Suite(.serialized) struct RunDaemonHealthTests {
    @Test func exitsZeroAgainstARunningDaemonFoundThroughItsConfigOrURL() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try estate.writeDesired([])
            let port = try FreePort.find()
            let config = estate.root.appendingPathComponent("steward.yaml")
            try "listen: 127.0.0.1:\(port)\n".write(to: config, atomically: true, encoding: .utf8)
            // No --listen: the daemon and the check both take the address from the config.
            let daemon = try RunDaemonProcess(["--config", config.path, "--desired-state", estate.desiredState.path, "--interval", "60s"],
                                              in: estate.root, environment: estate.moto.clientEnvironment)
            slot.daemon = daemon
            let base = try await daemon.baseURL()
            #expect(base == "http://127.0.0.1:\(port)")

            let viaConfig = try await StewardBinary.launch(["health", "--config", config.path], in: estate.root, environment: [:])
            #expect(viaConfig.status == 0, "\(viaConfig.output)")
            #expect(viaConfig.output.isEmpty, "a healthy check prints nothing: \(viaConfig.output)")
            let viaURL = try await StewardBinary.launch(["health", "--url", base + "/healthz"], in: estate.root, environment: [:])
            #expect(viaURL.status == 0, "\(viaURL.output)")

            let wrongPath = try await StewardBinary.launch(["health", "--url", base + "/nope"], in: estate.root, environment: [:])
            #expect(wrongPath.status == 1)
            #expect(wrongPath.output == "steward health: \(base)/nope answered 404 Not Found\n", "\(wrongPath.output)")
            #expect(await daemon.stop() == 0)
        }
    }

    @Test func exitsOneWithAOneLineReasonWhenNothingAnswers() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-health-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Bound, not listening, for the whole test: certainly dead.
        let dead = try FreePort.reserve()
        defer { dead.release() }
        let url = "http://127.0.0.1:\(dead.port)/healthz"
        let started = ContinuousClock.now
        let result = try await StewardBinary.launch(["health", "--url", url], in: directory, environment: [:])
        #expect(result.status == 1)
        #expect(ContinuousClock.now - started < .seconds(10), "a refused connection must not be waited out")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("steward health: \(url) "), "\(result.output)")

        // Without --url, the configuration's listen address; 0.0.0.0 means this host.
        try "listen: 0.0.0.0:\(dead.port)\n".write(to: directory.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
        let configured = try await StewardBinary.launch(["health"], in: directory, environment: [:])
        #expect(configured.status == 1)
        #expect(configured.output.hasPrefix("steward health: \(url) "), "\(configured.output)")

        let malformed = try await StewardBinary.launch(["health", "--url", "127.0.0.1:9090"], in: directory, environment: [:])
        #expect(malformed.status == 1)
        #expect(malformed.output.contains("--url '127.0.0.1:9090' is not an http:// or https:// URL"), "\(malformed.output)")
    }
}
