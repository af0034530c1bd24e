import Foundation
import Logging
import ServiceLifecycle
import StewardCore

/// The daemon's heartbeat: reconciles every environment at start, every interval (jittered),
/// whenever woken (a desired-state edit, a chat command) and just after the earliest expiry,
/// so an expired entry is revoked within moments of its `expires_at` rather than at the next
/// interval. Level-triggered: a wake carries no payload; every pass re-reads everything.
///
/// Graceful shutdown never interrupts a reconcile: the pass in flight finishes (its AWS calls
/// and audit lines included), then `run()` returns.
public final class ReconcileLoop: Service, Sendable {
    public let reconciler: Reconciler
    public let schedule: LoopSchedule
    public let status: ReconcileStatus
    let options: ReconcileOptions
    let metrics: ReconcileMetrics?
    let logger: Logger
    /// Rung by whatever changes desired state (the change feed, chat commands): the executable
    /// creates it and hands it to each of them.
    let signal: WakeSignal
    let now: @Sendable () -> Date
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double
    let onReport: @Sendable (ReconcileReport, ReconcileStatus.Snapshot) -> Void
    /// Awaited just before each pass (Slack follow-ups with `ha` note what other replicas took).
    let beforePass: @Sendable () async -> Void
    /// Waiting this long after a wake lets a burst (an editor's temp file, write and rename)
    /// settle into one reconcile.
    let settle: Duration
    /// With `ha`: passes run only while this replica holds the lease (the lease rings `wake`
    /// when it is acquired). nil: a single replica, always reconciling.
    let leadership: LeaseFence?

    public init(
        reconciler: Reconciler,
        schedule: LoopSchedule,
        options: ReconcileOptions = ReconcileOptions(),
        status: ReconcileStatus = ReconcileStatus(),
        metrics: ReconcileMetrics? = nil,
        wake: WakeSignal = WakeSignal(),
        logger: Logger = Logger(label: "steward.loop"),
        settle: Duration = .milliseconds(30),
        leadership: LeaseFence? = nil,
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) },
        beforePass: @escaping @Sendable () async -> Void = {},
        onReport: @escaping @Sendable (ReconcileReport, ReconcileStatus.Snapshot) -> Void = { _, _ in }
    ) {
        self.reconciler = reconciler
        self.schedule = schedule
        self.options = options
        self.status = status
        self.metrics = metrics
        self.signal = wake
        self.logger = logger
        self.settle = settle
        self.leadership = leadership
        self.now = now
        self.sleep = sleep
        self.random = random
        self.onReport = onReport
        self.beforePass = beforePass
    }

    /// Asks for a reconcile as soon as the current one (if any) is done. Bursts coalesce.
    public func wake(reason: String) {
        logger.debug("wake requested", metadata: ["reason": "\(reason)"])
        signal.ring()
    }

    /// A change to one environment's desired state. The pass still covers every environment
    /// (level-triggered); the name is for the log.
    public func wake(environment: EnvironmentName) {
        wake(reason: "desired state of \(environment) changed")
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isShuttingDownGracefully, !Task.isCancelled {
                if let leadership, !leadership.isLeading {
                    // A standby reconciles nothing. Consumed before the re-check, so a ring of
                    // the lease between the two is not lost.
                    signal.consume()
                    if !leadership.isLeading { _ = await waitForWake(upTo: schedule.interval) }
                    continue
                }
                signal.consume()
                await beforePass()
                let report = await reconcileToCompletion()
                publish(report)
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                // A tier waiting on AWS (a database starting) is looked at again on its own schedule.
                let nextWake = [report.nextExpiry, report.retryAt].compactMap { $0 }.min()
                let delay = schedule.delay(now: now(), nextExpiry: nextWake, unit: random())
                if await waitForWake(upTo: delay) {
                    try? await sleep(settle)
                }
            }
        } onGracefulShutdown: { [signal] in
            // Cuts the wait short; the loop condition then sees the shutdown.
            signal.ring()
        }
        logger.info("reconcile loop stopped")
    }

    /// One pass, shielded from cancellation: an unstructured task's value is awaited without
    /// passing this task's cancellation on, so an apply is never abandoned half-way.
    private func reconcileToCompletion() async -> ReconcileReport {
        let reconciler = self.reconciler, options = self.options
        let pass = Task { await reconciler.reconcile(options) }
        return await pass.value
    }

    private func publish(_ report: ReconcileReport) {
        let snapshot = status.record(report)
        metrics?.record(report)
        let counts = Dictionary(grouping: report.results, by: \.outcome).mapValues(\.count)
        var metadata: Logger.Metadata = [
            "duration_ms": "\(Int((report.finishedAt.timeIntervalSince(report.startedAt) * 1000).rounded()))",
            "applied": "\(counts[.applied] ?? 0)",
            "converged": "\(counts[.converged] ?? 0)",
            "failed": "\(counts[.failed] ?? 0)",
            "refused": "\(counts[.refused] ?? 0)",
            "drift": "\(report.drift.count)",
        ]
        if let nextExpiry = report.nextExpiry { metadata["next_expiry"] = "\(Timestamp.text(nextExpiry))" }
        if let failure = report.failure {
            metadata["failure"] = "\(failure)"
            logger.error("reconcile failed", metadata: metadata)
        } else {
            for refusal in report.refusals {
                logger.warning("refused: \(refusal.message)", metadata: ["environment": "\(refusal.environment)", "guard": "\(refusal.guardName.rawValue)"])
            }
            for warning in report.tierWarnings { logger.warning("\(warning)") }
            for diagnostic in report.desiredStateErrors { logger.error("desired state: \(diagnostic)") }
            for failed in report.failedActions {
                logger.error("action failed", metadata: [
                    "kind": "\(failed.kind.rawValue)", "environment": "\(failed.environment)",
                    "resource": "\(failed.resource)", "target": "\(failed.target)", "message": "\(failed.message ?? "")",
                ])
            }
            logger.info("reconcile finished", metadata: metadata)
        }
        onReport(report, snapshot)
    }

    /// Sleeps up to `delay`; returns true when woken early by `wake` (or shutdown).
    private func waitForWake(upTo delay: Duration) async -> Bool {
        let sleep = self.sleep, signal = self.signal
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                try? await sleep(delay)
                return false
            }
            group.addTask {
                await signal.wait()
                return !Task.isCancelled
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
