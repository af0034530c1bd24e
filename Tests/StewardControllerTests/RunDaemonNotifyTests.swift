import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward run` under a fake systemd: `NOTIFY_SOCKET` names a datagram socket the test
/// listens on. READY=1 comes once, after the first successful reconcile; WATCHDOG=1 after
/// every completed pass (a watchdog shorter than the interval makes passes come in time);
/// a pass wedged on a hung AWS call sends none.
@Suite(.serialized) struct RunDaemonNotifyTests {
    @Test func readyAfterTheFirstReconcileThenWatchdogPingsWhilePassesCompleteThenStopping() async throws {
        try await RunDaemonEstate.with { estate, slot in
            _ = try await estate.managedGroup("web")
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            let notify = try FakeNotifySocket.bind(in: estate.root)
            do {
                // 2 s watchdog, 60 s interval: only the shortened interval gets pings out in time.
                let daemon = try estate.startDaemon(slot, environment: Self.underSystemd(estate.moto.clientEnvironment, notify, watchdog: "2000000"))

                let ready = await notify.waitUntil(timeout: .seconds(30)) { datagrams in
                    datagrams.firstIndex { $0.assignments.contains("READY=1") }
                }
                let readyIndex = try #require(ready, "no READY=1; stdout:\n\(daemon.stdout)\nstderr:\n\(daemon.stderr.suffix(2000))")
                #expect(daemon.stdout.contains("first reconcile completed in "), "READY=1 came before the first reconcile completed")

                // Two pings after READY, each within the watchdog period of the one before.
                let pings = await notify.waitUntil(timeout: .seconds(10)) { datagrams in
                    let after = datagrams.dropFirst(readyIndex + 1).filter { $0.assignments.contains("WATCHDOG=1") }
                    return after.count >= 2 ? Array(after) : nil
                }
                let twoPings = try #require(pings, "fewer than 2 WATCHDOG=1 after READY=1: \(notify.datagrams.map(\.text))")
                #expect(twoPings[1].arrived - twoPings[0].arrived < .seconds(2), "pings came further apart than the 2 s watchdog")
                #expect(twoPings.allSatisfy { $0.assignments.contains { $0.hasPrefix("STATUS=ready") } })

                daemon.signal(SIGTERM)
                let stopping = await notify.waitUntil(timeout: .seconds(20)) { datagrams in
                    datagrams.first { $0.assignments.contains("STOPPING=1") }
                }
                #expect(stopping != nil, "no STOPPING=1 after SIGTERM")
                #expect(await daemon.waitForExit(timeout: .seconds(20)) == 0)
                #expect(notify.datagrams(with: "READY=1").count == 1, "READY=1 is sent once")
            } catch {
                await notify.close()
                throw error
            }
            await notify.close()
        }
    }

    @Test func aPassWedgedOnAHungAWSCallSendsNoWatchdogPingUntilItCompletes() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try estate.writeDesired([(cidr: "198.51.100.0/24", expiresAt: Date().addingTimeInterval(86_400))])
            let notify = try FakeNotifySocket.bind(in: estate.root)
            let gate = HoldGate()
            // Holds every AWS request unanswered until released: the pass hangs inside its
            // first call, well short of the AWS client's 30 s timeout.
            let hung = try await LocalHTTPServer.start { _ in
                await gate.holdUntilReleased()
                return LocalHTTPResponse(status: 503, contentType: "text/plain", text: "released by the test")
            }
            do {
                var environment = Self.underSystemd(estate.moto.clientEnvironment, notify, watchdog: "1000000")
                environment["AWS_ENDPOINT_URL"] = hung.url
                environment["AWS_MAX_ATTEMPTS"] = "1"
                let daemon = try estate.startDaemon(slot, environment: environment)
                let holding = await gate.waitUntilHolding(timeout: .seconds(30))
                #expect(holding, "the daemon never called AWS; stderr:\n\(daemon.stderr.suffix(2000))")

                // Four watchdog periods with the pass stuck: a timer would have pinged four times.
                let early = await notify.waitUntil(timeout: .seconds(4)) { datagrams in
                    datagrams.first { $0.assignments.contains("WATCHDOG=1") || $0.assignments.contains("READY=1") }
                }
                #expect(early == nil, "a wedged pass sent \(early?.text ?? "")")
                #expect(daemon.process.isRunning)

                // Released, the pass completes (failed: AWS answered 503) and the pings resume,
                // so the silence above was the wedge, not a broken socket.
                gate.release()
                let resumed = await notify.waitUntil(timeout: .seconds(20)) { datagrams in
                    datagrams.first { $0.assignments.contains("WATCHDOG=1") }
                }
                #expect(resumed?.assignments.contains { $0.hasPrefix("STATUS=not ready: ") } == true, "\(notify.datagrams.map(\.text))")
                #expect(notify.datagrams(with: "READY=1").isEmpty, "READY=1 after a failed reconcile")
                #expect(await daemon.stop() == 0)
            } catch {
                gate.release()
                await hung.stop()
                await notify.close()
                throw error
            }
            await hung.stop()
            await notify.close()
        }
    }

    /// What systemd sets for a `Type=notify` service with `WatchdogSec=`.
    static func underSystemd(_ environment: [String: String], _ notify: FakeNotifySocket, watchdog microseconds: String) -> [String: String] {
        environment.merging(["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": microseconds]) { $1 }
    }
}
