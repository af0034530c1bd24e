import Foundation
import StewardController
import StewardCore
import Synchronization

/// What `/healthz` checks besides the event loop answering: that the part of the daemon doing
/// this replica's job made progress in the last three of its intervals — the reconcile loop
/// on a leader (or a single replica), the lease watcher on a standby. A process wedged on a hung
/// call then fails its health check, is restarted, and (on a leader) its lease passes on.
final class DaemonLiveness: Sendable {
    let loopInterval: Duration
    let lease: LeaderLease?
    private struct State {
        /// The last finished pass, or when the loop's job began (start, or becoming the leader).
        var loopProgress = ContinuousClock.now
        var leading = false
    }
    private let state: Mutex<State>
    private let started = ContinuousClock.now

    init(loopInterval: Duration, lease: LeaderLease?) {
        self.loopInterval = loopInterval
        self.lease = lease
        state = Mutex(State(leading: lease == nil))
    }

    /// From the loop's `onReport`.
    func passed() {
        state.withLock { $0.loopProgress = ContinuousClock.now }
    }

    /// Why this replica is not live; nil when it is.
    func problem() -> String? {
        let now = ContinuousClock.now
        let leading = lease?.fence.isLeading ?? true
        let loopSince = state.withLock { state -> Duration in
            // A replica that just became the leader is given three intervals from then.
            if leading, !state.leading { state.loopProgress = max(state.loopProgress, now) }
            state.leading = leading
            return now - state.loopProgress
        }
        if let lease, !leading {
            let limit = lease.table.timing.renewEvery * 3
            let since = lease.sinceProgress() ?? (now - started)
            return since > limit ? "the lease watcher has had no answer from \(lease.table.table) for \(Self.seconds(since)) s (limit \(Self.seconds(limit)) s)" : nil
        }
        let limit = loopInterval * 3
        return loopSince > limit ? "the reconcile loop has finished no pass for \(Self.seconds(loopSince)) s (limit \(Self.seconds(limit)) s)" : nil
    }

    private static func seconds(_ duration: Duration) -> String {
        String(format: "%.1f", Double(duration.milliseconds) / 1000)
    }
}
