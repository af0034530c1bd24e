import Foundation
import StewardTestSupport
import Testing

/// The daemon says what the CLI says: a plan a guard refused makes it not ready, counts as a
/// failed reconcile and as a labelled refusal.
@Suite(.serialized) struct RunDaemonHonestyTests {
    @Test func aRefusedPlanIsNotReadyAndIsCountedByGuard() async throws {
        try await RunDaemonEstate.with { estate, slot in
            let web = try await estate.managedGroup("web")
            let entries = (0..<12).map { (cidr: "198.51.100.\($0 * 16)/28", expiresAt: Date().addingTimeInterval(86_400)) }
            try estate.writeDesired(entries)
            slot.daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: estate.moto.clientEnvironment)
            let base = try await slot.daemon!.baseURL()
            #expect(try await estate.waitForCIDRs(web, timeout: .seconds(20)) { $0.count == 12 }.count == 12)
            #expect(try await RunDaemonHTTP.get(base + "/readyz").status == 200)

            try estate.writeDesired([])
            var ready = try await RunDaemonHTTP.get(base + "/readyz")
            let deadline = ContinuousClock.now + .seconds(20)
            while ready.status == 200, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                ready = try await RunDaemonHTTP.get(base + "/readyz")
            }
            #expect(ready.status == 503, "readyz: \(ready.body)")
            let reason = (try JSONSerialization.jsonObject(with: Data(ready.body.utf8)) as? [String: Any])?["reason"] as? String
            #expect(reason?.contains("refused: dev (revoke budget)") == true, "reason: \(ready.body)")
            let metrics = try await RunDaemonHTTP.get(base + "/metrics").body
            #expect(metrics.contains(#"steward_refusals_total{environment="dev",guard="revoke-budget"}"#), "\(metrics)")
            let failures = metrics.split(separator: "\n").first { $0.hasPrefix("steward_reconcile_failures_total") }
            #expect(failures.flatMap { Double($0.split(separator: " ").last ?? "") }.map { $0 >= 1 } == true, "\(failures ?? "no failures line")")
            #expect(try await estate.cidrs(web).count == 12, "nothing was revoked")
            #expect(await slot.daemon?.stop() == 0)
        }
    }
}
