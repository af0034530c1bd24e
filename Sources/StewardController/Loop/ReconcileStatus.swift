import Foundation
import StewardCore
import Synchronization

/// What the last reconcile says about the controller's health, for `/readyz`: shared between
/// the loop (writer) and the HTTP handlers (readers) without an actor hop per probe.
public final class ReconcileStatus: Sendable {
    public struct Snapshot: Sendable, Hashable {
        /// Completed reconciles since start.
        public var completed: Int = 0
        /// True when the last reconcile read every desired-state file and all of AWS it needed, and
        /// no guard refused part of its plan.
        public var ready: Bool = false
        /// Why not ready, in a few words; nil when ready.
        public var reason: String? = "no reconcile has completed yet"
        public var lastFinishedAt: Date?
        public var nextExpiry: Date?
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Records a finished reconcile; returns the updated snapshot.
    @discardableResult
    public func record(_ report: ReconcileReport) -> Snapshot {
        state.withLock { snapshot in
            snapshot.completed += 1
            snapshot.lastFinishedAt = report.finishedAt
            snapshot.nextExpiry = report.nextExpiry
            if let failure = report.failure {
                snapshot.ready = false
                snapshot.reason = failure.message
            } else if let first = report.desiredStateErrors.first {
                snapshot.ready = false
                let more = report.desiredStateErrors.count > 1 ? " (and \(report.desiredStateErrors.count - 1) more)" : ""
                snapshot.reason = "desired state unreadable: \(first)\(more)"
            } else if let problem = report.observationProblems.first {
                snapshot.ready = false
                snapshot.reason = "AWS could not be read: \(problem)"
            } else if let refusal = report.refusals.first(where: { $0.guardName != .unreadableDesiredState }) {
                snapshot.ready = false
                snapshot.reason = ReconcileReportTextRenderer.refusalLine(refusal)
            } else {
                snapshot.ready = true
                snapshot.reason = nil
            }
            return snapshot
        }
    }
}
