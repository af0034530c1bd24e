import Foundation
import StewardTestSupport
import Testing

/// deploy/systemd/steward.service: the directives the notify protocol and the hardening need,
/// and `systemd-analyze verify` where systemd is installed.
@Suite struct SystemdUnitTests {
    /// `Key=value` lines of the unit, every value of a repeated key kept.
    static func directives() throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        for line in try DeployFiles.text("deploy/systemd/steward.service").split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.hasPrefix("#"), !trimmed.hasPrefix("["), let equals = trimmed.firstIndex(of: "=") else { continue }
            result[String(trimmed[..<equals]), default: []].append(String(trimmed[trimmed.index(after: equals)...]))
        }
        return result
    }

    @Test func speaksTheNotifyProtocolWithAWatchdogLongerThanTwoIntervals() throws {
        let unit = try Self.directives()
        #expect(unit["Type"] == ["notify"])
        #expect(unit["NotifyAccess"] == ["main"])
        let watchdog = try #require(unit["WatchdogSec"]?.first.flatMap { Int($0.replacingOccurrences(of: "s", with: "")) })
        // Steward sleeps at most half of it: the default 60 s interval (+10% jitter) must fit.
        #expect(watchdog >= 2 * 66, "WatchdogSec=\(watchdog) is shorter than two default intervals")
        #expect(unit["Restart"] == ["on-failure"])
        #expect(unit["ExecStart"] == ["/usr/local/bin/steward run --config /etc/steward/steward.yaml"])
        #expect(unit["EnvironmentFile"] == ["-/etc/steward/steward.env"])
    }

    @Test func runsUnprivilegedInItsStateDirectory() throws {
        let unit = try Self.directives()
        let expected: [String: String] = [
            "DynamicUser": "yes", "StateDirectory": "steward", "WorkingDirectory": "/var/lib/steward", "UMask": "0077",
            "NoNewPrivileges": "yes", "ProtectSystem": "strict", "ProtectHome": "yes", "PrivateTmp": "yes", "PrivateDevices": "yes",
            "ProtectKernelTunables": "yes", "ProtectKernelModules": "yes", "ProtectKernelLogs": "yes", "ProtectControlGroups": "yes",
            "RestrictAddressFamilies": "AF_INET AF_INET6 AF_UNIX", "CapabilityBoundingSet": "", "LockPersonality": "yes",
            "MemoryDenyWriteExecute": "yes", "RestrictNamespaces": "yes", "RestrictRealtime": "yes",
        ]
        for (key, value) in expected {
            #expect(unit[key]?.first == value, "\(key)=\(unit[key] ?? [])")
        }
        #expect(unit["SystemCallFilter"]?.first == "@system-service")
    }

    /// Verified against the built executable (systemd checks that ExecStart exists).
    @Test(.enabled(if: ProcessRunner.which("systemd-analyze") != nil, "systemd-analyze is not installed"))
    func systemdAnalyzeVerifyAcceptsIt() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-unit-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let unit = try DeployFiles.text("deploy/systemd/steward.service")
            .replacingOccurrences(of: "/usr/local/bin/steward", with: StewardBinary.url.path)
        let path = directory.appendingPathComponent("steward.service")
        try unit.write(to: path, atomically: true, encoding: .utf8)
        let analyze = try #require(ProcessRunner.which("systemd-analyze"))
        let result = try await ProcessRunner.run(analyze, ["verify", path.path], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stderr.contains("steward.service:"), "systemd-analyze complained: \(result.stderr)")
    }
}
