import Foundation
import StewardCore
import StewardTestSupport
import Testing

/// `steward run` with `ha:` under a fake systemd, as a standby: another replica
/// (`replica-elsewhere`, written to the lease table with the aws CLI before the start) holds a
/// 60 s lease, so the process under test never reconciles. Its lease reads go through a proxy
/// the test holds shut, then opens: READY=1 must wait for the first answer, and WATCHDOG=1 pings
/// then follow from the lease watcher's reads.
@Suite(.serialized) struct RunDaemonStandbyNotifyTests {
    static let leaseTable = "steward-leases"
    static let configuration = """
    desired_state:
      dynamodb:
        whitelist_table: docustack-dev-ip-whitelist
        environments_table: steward-environments
        poll_interval: 30s
    ha:
      lease_table: \(leaseTable)
      lease_duration: 60s
      renew_every: 500ms
      renew_deadline: 2s

    """

    @Test(.timeLimit(.minutes(8)))
    func aStandbyIsReadyOnceItHasReadWhoLeadsThenPingsFromItsLeaseReads() async throws {
        try await RunDaemonEstate.with { estate, slot in
            try await estate.moto.createWhitelistTable("docustack-dev-ip-whitelist")
            try await estate.moto.createEnvironmentsTable("steward-environments")
            try await estate.moto.createLeaseTable(Self.leaseTable)
            _ = try await estate.managedGroup("web")
            // Renewed "just now" as far as the standby can tell: it waits a whole 60 s before taking over.
            _ = try await estate.moto.aws(["dynamodb", "put-item", "--table-name", Self.leaseTable, "--item",
                                           #"{"lease_name":{"S":"default"},"holder":{"S":"replica-elsewhere"},"epoch":{"N":"7"},"revision":{"S":"replica-elsewhere/1"}}"#])
            try Self.configuration.write(to: estate.root.appendingPathComponent("steward.yaml"), atomically: true, encoding: .utf8)
            let notify = try FakeNotifySocket.bind(in: estate.root)
            let gate = HoldGate()
            let counting = CountingMotoProxy(motoEndpoint: estate.moto.endpoint)
            // Every request naming the lease table waits for the gate; the rest pass straight to moto.
            let proxy = try await LocalHTTPServer.start { request in
                if request.bodyText.contains(Self.leaseTable) { await gate.holdUntilReleased() }
                return await counting.handle(request)
            }
            do {
                var environment = RunDaemonNotifyTests.underSystemd(estate.moto.clientEnvironment, notify, watchdog: "2000000")
                environment["AWS_ENDPOINT_URL"] = proxy.url
                environment["STEWARD_REPLICA_ID"] = "replica-under-test"
                let daemon = try RunDaemonProcess(["--listen", "127.0.0.1:0", "--interval", "60s"], in: estate.root, environment: environment)
                slot.daemon = daemon
                let holding = await gate.waitUntilHolding(timeout: .seconds(30))
                #expect(holding, "the lease watcher never read the lease; stderr:\n\(daemon.stderr.suffix(2000))")

                // Its first lease read unanswered, it can't know it is a standby: no READY=1 yet.
                let early = await notify.waitUntil(timeout: .seconds(3)) { datagrams in
                    datagrams.first { $0.assignments.contains("READY=1") || $0.assignments.contains("WATCHDOG=1") }
                }
                #expect(early == nil, "sent before its first lease observation: \(early?.text ?? "")")
                #expect(daemon.process.isRunning)

                gate.release()
                let ready = await notify.waitUntil(timeout: .seconds(20)) { datagrams in
                    datagrams.firstIndex { $0.assignments.contains("READY=1") }
                }
                let readyIndex = try #require(ready, "no READY=1 from the standby; \(notify.datagrams.map(\.text)); stderr:\n\(daemon.stderr.suffix(2000))")
                #expect(notify.datagrams[readyIndex].assignments.contains("STATUS=standby; leader replica-elsewhere, epoch 7"),
                        "\(notify.datagrams[readyIndex].text)")

                // Pings from the lease reads (every 500 ms), each within the 2 s watchdog of the one before.
                let pings = await notify.waitUntil(timeout: .seconds(10)) { datagrams in
                    let after = datagrams.dropFirst(readyIndex + 1).filter { $0.assignments.contains("WATCHDOG=1") }
                    return after.count >= 3 ? Array(after) : nil
                }
                let threePings = try #require(pings, "fewer than 3 WATCHDOG=1 after READY=1: \(notify.datagrams.map(\.text))")
                #expect(threePings[1].arrived - threePings[0].arrived < .seconds(2))
                #expect(threePings[2].arrived - threePings[1].arrived < .seconds(2))
                #expect(threePings.allSatisfy { $0.assignments.contains { $0.hasPrefix("STATUS=standby; leader replica-elsewhere") } })

                // Still a standby that reconciled nothing: the pings were the lease watcher's.
                let base = try await daemon.baseURL()
                let role = try JSONDecoder().decode(LeaseReplica.Role.self, from: Data(try await RunDaemonHTTP.get(base + "/readyz").body.utf8))
                #expect(role == LeaseReplica.Role(role: "standby", leader: "replica-elsewhere", epoch: 7))
                #expect(!daemon.stdout.contains("first reconcile"), "\(daemon.stdout)")
                #expect(counting.estateWrites.isEmpty, "\(counting.estateWrites)")
                #expect(notify.datagrams(with: "READY=1").count == 1, "READY=1 is sent once")
                #expect(await daemon.stop() == 0)
            } catch {
                gate.release()
                await proxy.stop()
                await notify.close()
                throw error
            }
            await proxy.stop()
            await notify.close()
        }
    }
}
