import Foundation
import Logging
import ServiceLifecycle
import StewardController
import Synchronization

/// How `steward run` tells whoever started it how it is doing: the first-reconcile line on
/// stdout (tests, the benchmark and operators wait for it) and, under systemd, `READY=1`,
/// `WATCHDOG=1`, `STATUS=` and `STOPPING=1`.
///
/// Fed from the loop's `onReport`, so the watchdog is kicked by completed passes, never by a
/// timer: a pass wedged on a hung call stops the pings and systemd restarts the process. A pass
/// that fails (AWS unreachable) still pings: the loop is alive, and a restart would not bring
/// AWS back. With `ha`, a standby runs no passes, so the lease watcher's answers stand in for
/// them (`leaseObserved`) until this replica leads. As the last service of the group it is the
/// first told of shutdown, and says `STOPPING=1` before the loop finishes its pass.
final class DaemonProgress: Service, Sendable {
    private let notifier: SystemdNotifier?
    private let logger: Logger
    /// True once `READY=1` went out: after the first reconcile, or on a standby after it first
    /// saw who leads. systemd needs it once; a standby that later leads does not repeat it.
    private let announcedReady = Mutex(false)
    /// True once "first reconcile completed" went out: a standby's READY=1 does not say it.
    private let reportedFirstReconcile = Mutex(false)

    init(notifier: SystemdNotifier?, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// The loop's schedule, its interval shortened when systemd's watchdog needs pings more
    /// often than passes would come: a pass then starts at least every half watchdog period,
    /// jitter included, leaving the other half for the pass itself.
    func schedule(interval: Duration) -> LoopSchedule {
        let configured = LoopSchedule(interval: interval)
        guard let watchdog = notifier?.watchdog else { return configured }
        let longest = Self.longestInterval(watchdog: watchdog, jitter: configured.jitter)
        guard interval > longest else { return configured }
        logger.notice("reconcile interval shortened to kick systemd's watchdog in time", metadata: [
            "interval": "\(interval)", "watchdog": "\(watchdog)", "shortened_to": "\(longest)",
        ])
        return LoopSchedule(interval: longest, jitter: configured.jitter, expiryMargin: configured.expiryMargin)
    }

    /// The longest interval whose jittered sleep stays within half of `watchdog`.
    static func longestInterval(watchdog: Duration, jitter: Double) -> Duration {
        let halfMilliseconds = Double(milliseconds(watchdog)) / 2
        return .milliseconds(Int64((halfMilliseconds / (1 + jitter)).rounded(.down)))
    }

    /// From the loop's `onReport`, after every pass.
    func reconciled(_ snapshot: ReconcileStatus.Snapshot) {
        let firstSuccess = snapshot.ready && Self.claim(reportedFirstReconcile)
        let milliseconds = Self.milliseconds(ProcessUptime.elapsed)
        if firstSuccess {
            DaemonOutput.line("first reconcile completed in \(milliseconds) ms")
            logger.info("first reconcile completed", metadata: ["duration_ms": "\(milliseconds)", "completed": "\(snapshot.completed)"])
            if Self.claim(announcedReady) { notify(["READY=1", "STATUS=\(Self.status(snapshot))"]) }
        } else if snapshot.completed == 1, !snapshot.ready {
            let reason = snapshot.reason ?? "unknown"
            DaemonOutput.line("first reconcile failed in \(milliseconds) ms: \(reason)")
            logger.error("first reconcile failed; retrying at the next pass", metadata: ["duration_ms": "\(milliseconds)", "reason": "\(reason)"])
        }
        notify(["WATCHDOG=1", "STATUS=\(Self.status(snapshot))"])
    }

    /// From the lease watcher, after each answer from the lease table. A leader's readiness and
    /// pings stay with its passes (a wedged loop must stop them even while renewals go on); a
    /// standby is ready once it knows another replica leads, since it never reconciles and
    /// systemd would otherwise keep it "activating" and kill it at TimeoutStartSec.
    func leaseObserved(_ lease: LeaseFence.Snapshot, replica: String) {
        guard !lease.leading else { return }
        let status = Self.standbyStatus(lease)
        // Nobody holding it (or our own stale record) means an acquisition comes next: wait
        // for its outcome rather than announce a role that is about to change.
        if let leader = lease.holder, leader != replica, Self.claim(announcedReady) {
            logger.info("standing by: another replica leads", metadata: ["leader": "\(leader)", "epoch": "\(lease.epoch)"])
            notify(["READY=1", "STATUS=\(status)"])
        }
        // Before READY=1 systemd ignores pings, but the watcher answered: it is progress all the same.
        notify(["WATCHDOG=1", "STATUS=\(status)"])
    }

    /// systemd pings a standby from its lease reads, every `renew_every`: a watchdog shorter
    /// than two of those would restart a healthy standby.
    func checkLeaseCadence(renewEvery: Duration) {
        guard let watchdog = notifier?.watchdog, renewEvery * 2 > watchdog else { return }
        logger.warning("renew_every is more than half of systemd's watchdog: a standby's pings may come too late", metadata: [
            "renew_every": "\(renewEvery)", "watchdog": "\(watchdog)",
        ])
    }

    func run() async throws {
        // Returns at the first shutdown signal; cancellation (the group failing) ends it too.
        try? await gracefulShutdown()
        notify(["STOPPING=1", "STATUS=stopping: finishing the reconcile in flight"])
    }

    private func notify(_ assignments: [String]) {
        guard let notifier else { return }
        do {
            try notifier.send(assignments)
        } catch {
            logger.warning("systemd notification failed", metadata: ["error": "\(error)"])
        }
    }

    /// One line for `systemctl status`: a newline would end the assignment.
    static func status(_ snapshot: ReconcileStatus.Snapshot) -> String {
        let text = snapshot.ready
            ? "ready; \(snapshot.completed) reconcile(s) completed"
            : "not ready: \(snapshot.reason ?? "unknown")"
        return oneLine(text)
    }

    static func standbyStatus(_ lease: LeaseFence.Snapshot) -> String {
        oneLine("standby; leader \(lease.holder ?? "none"), epoch \(lease.epoch)")
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// True for the first caller only.
    private static func claim(_ flag: borrowing Mutex<Bool>) -> Bool {
        flag.withLock { done in
            defer { done = true }
            return !done
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    }
}
