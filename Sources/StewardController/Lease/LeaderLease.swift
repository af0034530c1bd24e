import Foundation
import Logging
import ServiceLifecycle
import StewardCore
import Synchronization

/// The leader lease as a service of `steward run`: drives `LeaseElector` against the lease
/// table, publishes the outcome to the `LeaseFence` that every mutating AWS call consults,
/// and rings the loop's wake signal when this replica becomes the leader. On graceful shutdown
/// (placed before the loop in the group, it stops after the loop finished its pass) it closes
/// the fence and releases the lease, so a standby takes over in one read instead of a lease
/// duration.
public final class LeaderLease: Service, Sendable {
    public let table: LeaseTable
    public let fence: LeaseFence
    let elector: Mutex<LeaseElector>
    let wake: WakeSignal
    let metrics: LeaseMetrics
    let logger: Logger
    let now: @Sendable () -> Duration
    let sleep: @Sendable (Duration) async throws -> Void
    /// When the lease last got an answer from the table (monotonic): the watcher's progress for /healthz.
    private let progress = Mutex<Duration?>(nil)
    /// Told after every step in which the table answered, with what the fence then says: a
    /// standby never reconciles, so this is where its readiness and watchdog pings come from.
    let onObservation: @Sendable (LeaseFence.Snapshot) -> Void

    public init(table: LeaseTable, fence: LeaseFence, wake: WakeSignal, metrics: LeaseMetrics = LeaseMetrics(),
                logger: Logger = Logger(label: "steward.lease"),
                now: @escaping @Sendable () -> Duration = LeaseFence.monotonicNow,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
                onObservation: @escaping @Sendable (LeaseFence.Snapshot) -> Void = { _ in }) {
        self.table = table
        self.fence = fence
        elector = Mutex(LeaseElector(identity: fence.identity, timing: table.timing))
        self.wake = wake
        self.metrics = metrics
        self.logger = logger
        self.now = now
        self.sleep = sleep
        self.onObservation = onObservation
    }

    public var identity: String { fence.identity }

    /// How long since the lease last heard from its table; nil before the first answer.
    public func sinceProgress() -> Duration? {
        progress.withLock { $0 }.map { now() - $0 }
    }

    public func run() async throws {
        logger.info("lease watcher starting", metadata: [
            "replica": "\(identity)", "table": "\(table.table)", "lease_name": "\(table.leaseName)",
            "lease_duration": "\(LeaseTiming.text(table.timing.leaseDuration))",
        ])
        // The steps are cancelled at shutdown; the release below runs outside that cancellation.
        try? await cancelWhenGracefulShutdown { [self] in
            while !Task.isCancelled {
                await step()
            }
        }
        await release()
    }

    /// One decision of the elector and the I/O it asks for.
    func step() async {
        let heardBefore = progress.withLock { $0 }
        let started = now()
        let next = elector.withLock { $0.nextStep(at: started) }
        switch next {
        case .wait(let until):
            try? await sleep(max(until - started, .milliseconds(1)))
            return
        case .read:
            do {
                let record = try await table.read()
                answered()
                elector.withLock { $0.read(record, at: now()) }
            } catch {
                if Task.isCancelled { return }
                logger.warning("lease read failed", metadata: ["error": "\(error)"])
                elector.withLock { $0.failed(at: now()) }
            }
        case .acquire(let proposal, let expecting):
            await write(proposal) { try await self.table.acquire(proposal, expecting: expecting) }
        case .renew(let proposal, let expecting):
            await write(proposal) { try await self.table.overwrite(proposal, expecting: expecting) }
            metrics.renewed(in: now() - started)
        case .stepDown:
            elector.withLock { $0.stepDown(at: started) }
            logger.error("lease not renewed by its deadline: stopped writing to AWS and standing by", metadata: [
                "renew_deadline": "\(LeaseTiming.text(table.timing.renewDeadline))",
            ])
        }
        publish()
        // Only an answer is progress: a failed read or a step-down must not ping a watchdog.
        if progress.withLock({ $0 }) != heardBefore { onObservation(fence.snapshot) }
    }

    /// A conditional write timed from before it is sent.
    private func write(_ proposal: LeaseRecord, _ send: @Sendable () async throws -> Bool) async {
        let sent = now()
        elector.withLock { $0.sending(proposal, at: sent) }
        do {
            let succeeded = try await send()
            answered()
            elector.withLock { elector in
                if succeeded { elector.wrote(proposal, sentAt: sent, at: now()) } else { elector.conflicted(at: now()) }
            }
        } catch {
            if Task.isCancelled { return }
            logger.warning("lease write failed", metadata: ["error": "\(error)", "epoch": "\(proposal.epoch)"])
            elector.withLock { $0.failed(at: now()) }
        }
    }

    private func answered() {
        let instant = now()
        progress.withLock { $0 = instant }
    }

    private let published = Mutex<(leading: Bool, transitions: Int)>((false, 0))

    /// Hands the elector's state to the fence (and the metrics, and the log on a change).
    private func publish() {
        let elector = self.elector.withLock { $0 }
        let leading = elector.role == .leader
        let record = elector.record
        fence.update(LeaseFence.Snapshot(leading: leading, holder: record?.holder, epoch: record?.epoch ?? 0,
                                         deadline: elector.writeDeadline, known: progress.withLock { $0 } != nil))
        let before = published.withLock { previous in
            defer { previous = (leading, elector.transitions) }
            return previous
        }
        metrics.record(leading: leading, epoch: record?.epoch ?? 0)
        metrics.transitioned(by: elector.transitions - before.transitions)
        if leading, !before.leading {
            logger.notice("acquired the lease: this replica leads", metadata: ["replica": "\(identity)", "epoch": "\(record?.epoch ?? 0)"])
            wake.ring()
        } else if !leading, before.leading {
            logger.notice("lost the lease: standing by", metadata: ["replica": "\(identity)", "leader": "\(record?.holder ?? "none")"])
        }
    }

    /// Closes the fence first (nothing may start writing), then clears the holder on condition
    /// that this replica still holds it.
    private func release() async {
        let (proposal, held) = elector.withLock { elector -> (LeaseRecord?, LeaseRecord?) in
            let held = elector.record
            let proposal = elector.releaseProposal()
            elector.stepDown(at: now())
            return (proposal, held)
        }
        publish()
        guard let proposal, let held else { return }
        do {
            if try await table.overwrite(proposal, expecting: held) {
                elector.withLock { $0.released(proposal, at: now()) }
                logger.notice("released the lease", metadata: ["replica": "\(identity)", "epoch": "\(held.epoch)"])
            } else {
                logger.warning("lease not released: another replica already holds it")
            }
        } catch {
            logger.warning("lease release failed; a standby takes over after lease_duration", metadata: ["error": "\(error)"])
        }
        publish()
    }
}
