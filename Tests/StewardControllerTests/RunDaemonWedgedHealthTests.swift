import Foundation
import StewardCore
import StewardTestSupport
import Synchronization
import Testing

/// `/healthz` against a wedged loop: `steward run` (1 s interval, under a fake systemd) reaches
/// moto through a proxy the test controls. Once the loop has passed, the proxy stops answering:
/// the pass in flight hangs on its call (the AWS client's 30 s timeout is far off), so after
/// three intervals `/healthz` must say 503 while the process and `/readyz` still answer, and no
/// WATCHDOG=1 may arrive. Released, the pass ends and both recover.
@Suite(.serialized) struct RunDaemonWedgedHealthTests {
    /// Passes requests through to moto until `hold()`; then every request waits for the gate.
    final class WedgeSwitch: Sendable {
        let gate = HoldGate()
        private let holding = Mutex(false)
        /// When the first request was held (the moment the pass in flight wedged).
        let heldAt = Mutex<ContinuousClock.Instant?>(nil)

        func hold() { holding.withLock { $0 = true } }

        func pass(_ request: LocalHTTPRequest, to moto: CountingMotoProxy) async -> LocalHTTPResponse {
            if holding.withLock({ $0 }) {
                heldAt.withLock { $0 = $0 ?? .now }
                await gate.holdUntilReleased()
            }
            return await moto.handle(request)
        }
    }

    @Test(.timeLimit(.minutes(8)))
    func aLoopWedgedOnAHungCallFailsHealthzAfterThreeIntervalsAndSendsNoWatchdogPing() async throws {
        try await RunDaemonEstate.with { estate, slot in
            _ = try await estate.managedGroup("web")
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            let notify = try FakeNotifySocket.bind(in: estate.root)
            let wedge = WedgeSwitch()
            let counting = CountingMotoProxy(motoEndpoint: estate.moto.endpoint)
            let proxy = try await LocalHTTPServer.start { await wedge.pass($0, to: counting) }
            do {
                // A 4 s watchdog leaves the 1 s interval as it is: /healthz's limit is 3 s.
                var environment = RunDaemonNotifyTests.underSystemd(estate.moto.clientEnvironment, notify, watchdog: "4000000")
                environment["AWS_ENDPOINT_URL"] = proxy.url
                let daemon = try estate.startDaemon(slot, ["--interval", "1s"], environment: environment)
                let base = try await daemon.baseURL()
                _ = try await daemon.waitForLine("first reconcile completed in ", timeout: .seconds(30))
                #expect(try await RunDaemonHTTP.get(base + "/healthz").status == 200)
                // Passes go on: two pings after READY=1.
                let progressing = await notify.waitUntil(timeout: .seconds(15)) { datagrams in
                    datagrams.filter { $0.assignments.contains("WATCHDOG=1") }.count >= 3 ? true : nil
                }
                #expect(progressing == true, "\(notify.datagrams.map(\.text))")

                wedge.hold()
                let holding = await wedge.gate.waitUntilHolding(timeout: .seconds(15))
                try #require(holding, "no pass called AWS after the wedge; stderr:\n\(daemon.stderr.suffix(2000))")
                let heldAt = try #require(wedge.heldAt.withLock { $0 })
                // The last ping before the wedge is when the last pass finished: /healthz counts from it.
                let lastPass = try #require(notify.datagrams(with: "WATCHDOG=1").last { $0.arrived <= heldAt }?.arrived)

                // Three intervals without a finished pass, then 503; bounded well short of the 30 s timeout.
                let deadline = ContinuousClock.now + .seconds(12)
                var health = try await RunDaemonHTTP.get(base + "/healthz")
                while health.status == 200, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(100))
                    health = try await RunDaemonHTTP.get(base + "/healthz")
                }
                let failedAfter = ContinuousClock.now - lastPass
                #expect(health.status == 503, "healthz still \(health.status) \(failedAfter) after the last pass: \(health.body)")
                #expect(health.body.contains("the reconcile loop has finished no pass"), "\(health.body)")
                // Not before three intervals (1 s each) since the last finished pass.
                #expect(failedAfter >= .milliseconds(2900), "503 only \(failedAfter) after the last pass: earlier than three intervals")
                #expect(daemon.process.isRunning)
                let ready = try await RunDaemonHTTP.get(base + "/readyz")
                #expect(ready.status == 200, "readyz \(ready.status): \(ready.body)")

                // Nothing pinged while wedged (a datagram sent just before the wedge may land a moment after it).
                let lateAfter = heldAt + .milliseconds(500)
                let wedgedPings = notify.datagrams(with: "WATCHDOG=1").filter { $0.arrived > lateAfter }
                #expect(wedgedPings.isEmpty, "WATCHDOG=1 while wedged: \(wedgedPings.map(\.text))")

                // Released, the pass finishes: the pings resume and /healthz is 200 again.
                wedge.gate.release()
                let resumed = await notify.waitUntil(timeout: .seconds(20)) { datagrams in
                    datagrams.first { $0.assignments.contains("WATCHDOG=1") && $0.arrived > lateAfter }
                }
                #expect(resumed != nil, "no WATCHDOG=1 after the release")
                let healed = ContinuousClock.now + .seconds(10)
                health = try await RunDaemonHTTP.get(base + "/healthz")
                while health.status != 200, ContinuousClock.now < healed {
                    try await Task.sleep(for: .milliseconds(100))
                    health = try await RunDaemonHTTP.get(base + "/healthz")
                }
                #expect(health.status == 200, "healthz \(health.status) after the release: \(health.body)")
                #expect(await daemon.stop() == 0)
            } catch {
                wedge.gate.release()
                await proxy.stop()
                await notify.close()
                throw error
            }
            await proxy.stop()
            await notify.close()
        }
    }
}
