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
        let receiver = try AbstractNotifyReceiver(prefix: "steward-standby")
        defer { receiver.close() }
        func drain() -> [String] { receiver.drain() }

        let progress = DaemonProgress(notifier: try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": receiver.notifySocket]), logger: .init(label: "test"))
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
