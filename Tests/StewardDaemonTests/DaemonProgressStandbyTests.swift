#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import steward
import StewardController
import Testing

/// What a standby tells systemd from its lease watcher's answers: READY=1 once it has seen
/// another replica hold the lease (not before, not for an unheld lease it is about to take),
/// WATCHDOG=1 for every answer while it stands by, nothing while it leads (the loop's passes
/// ping then), and no second READY=1 when it later leads and reconciles.
@Suite struct DaemonProgressStandbyTests {
    @Test func readyOnceAnotherReplicaIsSeenLeadingThenPingsOnlyWhileStandingBy() throws {
        let name = "steward-standby-\(UUID().uuidString.prefix(8))"
        let receiver = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        try #require(receiver >= 0)
        defer { close(receiver) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = [UInt8(0)] + Array(name.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(receiver, $0, socklen_t(2 + bytes.count)) }
        }
        try #require(bound == 0)
        // Datagrams are queued at the receiver before sendto returns: drained without waiting.
        func drain() -> [String] {
            var received: [String] = []
            var buffer = [UInt8](repeating: 0, count: 512)
            while received.count < 100 {
                let count = recv(receiver, &buffer, buffer.count, Int32(MSG_DONTWAIT))
                guard count > 0 else { break }
                received.append(String(decoding: buffer.prefix(count), as: UTF8.self))
            }
            return received
        }

        let progress = DaemonProgress(notifier: try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "@" + name]), logger: .init(label: "test"))
        // Nobody holds it yet: an acquisition comes next, so no role to announce; the answer still pings.
        progress.leaseObserved(LeaseFence.Snapshot(leading: false, holder: nil, epoch: 0, known: true), replica: "me")
        #expect(drain() == ["WATCHDOG=1\nSTATUS=standby; leader none, epoch 0"])
        // Its own stale record (just stepped down) is no leader either.
        progress.leaseObserved(LeaseFence.Snapshot(leading: false, holder: "me", epoch: 3, known: true), replica: "me")
        #expect(drain() == ["WATCHDOG=1\nSTATUS=standby; leader me, epoch 3"])

        progress.leaseObserved(LeaseFence.Snapshot(leading: false, holder: "other", epoch: 4, known: true), replica: "me")
        #expect(drain() == ["READY=1\nSTATUS=standby; leader other, epoch 4", "WATCHDOG=1\nSTATUS=standby; leader other, epoch 4"])
        progress.leaseObserved(LeaseFence.Snapshot(leading: false, holder: "other", epoch: 4, known: true), replica: "me")
        #expect(drain() == ["WATCHDOG=1\nSTATUS=standby; leader other, epoch 4"])

        // Leading, the watcher's answers ping nothing: a wedged loop must go quiet even while renewals succeed.
        progress.leaseObserved(LeaseFence.Snapshot(leading: true, holder: "me", epoch: 5, known: true), replica: "me")
        #expect(drain().isEmpty)
        var snapshot = ReconcileStatus().snapshot
        snapshot.ready = true
        snapshot.completed = 1
        progress.reconciled(snapshot)
        #expect(drain() == ["WATCHDOG=1\nSTATUS=ready; 1 reconcile(s) completed"], "READY=1 was already sent as a standby")
    }
}
