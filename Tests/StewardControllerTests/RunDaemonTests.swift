import AsyncHTTPClient
import Foundation
import NIOCore
import StewardTestSupport
import Testing

/// `steward run` as a process, against moto_server: expiry on time, file watch, endpoints,
/// graceful shutdown mid-apply. Outcomes are checked with boto3, not Steward's own client.
@Suite(.serialized) struct RunDaemonTests {
    @Test func expiredEntryIsRevokedWithinTwoSecondsOfItsExpiryWhileRunIsUp() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let group = try await estate.managedGroup("web")
            let staying = Date().addingTimeInterval(86_400)
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: staying)])
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: estate.moto.clientEnvironment)
            // Only once the daemon is up (a loaded CI machine may take seconds to start it) is the
            // short-lived entry added; the file watch grants it, the expiry wake revokes it.
            _ = try await slot.daemon?.waitForLine("first reconcile completed in ")
            // Whole seconds (the file format), far enough ahead that the grant lands first.
            let expiresAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 6).rounded(.up))
            try estate.writeDesired([(cidr: "203.0.113.10/32", expiresAt: expiresAt), (cidr: "198.51.100.0/24", expiresAt: staying)])

            let seen = try await estate.watchRule(group, cidr: "203.0.113.10/32", timeout: expiresAt.timeIntervalSinceNow + 10)
            let appeared = try #require(seen.appeared, "the entry was never authorized")
            #expect(appeared < expiresAt)
            let disappeared = try #require(seen.disappeared, "the expired entry was not revoked within 10 s of expiry")
            let lateness = disappeared.timeIntervalSince(expiresAt)
            #expect(lateness >= 0, "revoked \(-lateness) s before it expired")
            #expect(lateness <= 2, "revoked \(lateness) s after expiry; the interval is 60 s, so the loop must wake at the expiry")
            // The unexpired entry stays.
            #expect(try await estate.cidrs(group) == ["198.51.100.0/24"])
            #expect(estate.auditLines().contains { $0.contains("\"revoke\"") && $0.contains("203.0.113.10/32") })
            #expect(await slot.daemon?.stop() == 0)
        }
    }

    @Test func anEditToDesiredStateConvergesWithinSecondsWithoutWaitingForTheInterval() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let group = try await estate.managedGroup("web")
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: estate.moto.clientEnvironment)
            _ = try await slot.daemon?.waitForLine("first reconcile completed in ")
            #expect(try await estate.waitForCIDRs(group, timeout: .seconds(10)) { $0.contains("198.51.100.0/24") }.contains("198.51.100.0/24"))

            // Saved atomically (temp file + rename) as git or the CLI would; the daemon only sees the file change.
            let edited = ContinuousClock.now
            try estate.writeDesired([
                (cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400)),
                (cidr: "203.0.113.77/32", expiresAt: Date().addingTimeInterval(86_400)),
            ])
            let cidrs = try await estate.waitForCIDRs(group, timeout: .seconds(10)) { $0.contains("203.0.113.77/32") }
            let took = ContinuousClock.now - edited
            #expect(cidrs == ["198.51.100.0/24", "203.0.113.77/32"])
            #expect(took < .seconds(4), "the edit took \(took) to converge; the interval is 60 s")
            #expect(await slot.daemon?.stop() == 0)
        }
    }

    @Test func healthReadinessAndMetricsEndpointsAnswer() async throws {
        try await RunDaemonEstate.with { estate, slot in
            _ = try await estate.managedGroup("web")
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: estate.moto.clientEnvironment)
            let base = try await slot.daemon!.baseURL()
            #expect(base.hasPrefix("http://127.0.0.1:"))
            let health = try await RunDaemonHTTP.get(base + "/healthz")
            #expect(health.status == 200)
            #expect(health.body.hasPrefix("ok"))
            _ = try await slot.daemon?.waitForLine("first reconcile completed in ")
            let ready = try await RunDaemonHTTP.get(base + "/readyz")
            #expect(ready.status == 200, "readyz: \(ready.body)")

            let metrics = try await RunDaemonHTTP.get(base + "/metrics")
            #expect(metrics.status == 200)
            for name in ["steward_reconcile_duration_seconds", "steward_actions_total", "steward_aws_calls_total",
                         "steward_next_expiry_timestamp_seconds", "steward_reconcile_failures_total"] {
                #expect(metrics.body.contains(name), "/metrics lacks \(name)")
            }
            #expect(metrics.body.contains(#"steward_actions_total{kind="authorize",outcome="applied"} 1"#))
            #expect(metrics.body.contains(#"service="ec2",operation="AuthorizeSecurityGroupIngress",outcome="success""#)
                || metrics.body.contains(#"operation="AuthorizeSecurityGroupIngress""#))
            #expect(await slot.daemon?.stop() == 0)
        }
    }

    @Test func readinessFailsWithAReasonWhenAWSIsUnreachable() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            var environment = estate.moto.clientEnvironment
            // Held bound without listening for the whole test: connections are refused, and no
            // other suite's peer can start listening there meanwhile.
            let deadPort = try FreePort.reserve()
            defer { deadPort.release() }
            environment["AWS_ENDPOINT_URL"] = "http://127.0.0.1:\(deadPort.port)"
            environment["AWS_MAX_ATTEMPTS"] = "1"
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: environment)
            let base = try await slot.daemon!.baseURL()
            // A failed pass is announced as failed, with why, never as completed.
            let failed = try await slot.daemon?.waitForLine("first reconcile failed in ", timeout: .seconds(30)) ?? ""
            #expect(failed.contains(" ms: ") && failed.contains("AWS"), "\(failed)")
            #expect(slot.daemon?.stdout.contains("first reconcile completed") == false)
            let ready = try await RunDaemonHTTP.get(base + "/readyz")
            #expect(ready.status == 503)
            let body = try JSONSerialization.jsonObject(with: Data(ready.body.utf8)) as? [String: Any]
            #expect(body?["ready"] as? Bool == false)
            #expect((body?["reason"] as? String)?.contains("AWS") == true, "reason: \(ready.body)")
            #expect(try await RunDaemonHTTP.get(base + "/healthz").status == 200)
            #expect(await slot.daemon?.stop() == 0)
        }
    }
}
