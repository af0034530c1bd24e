import Foundation
import Metrics
import StewardCore
import Synchronization

/// Turns reconcile reports into swift-metrics series. Whatever backend the executable
/// bootstraps (Prometheus in `steward run`) exposes them; with none bootstrapped they cost
/// nothing.
public final class ReconcileMetrics: Sendable {
    private let duration = Metrics.Timer(label: "steward_reconcile_duration_seconds")
    private let failures = Counter(label: "steward_reconcile_failures_total")
    private let nextExpiry = Gauge(label: "steward_next_expiry_timestamp_seconds")
    /// Drift series reported last time, so ones that went away are set back to zero rather
    /// than frozen at their last value.
    private let reportedDrift = Mutex<Set<DriftKey>>([])

    private struct DriftKey: Hashable {
        var environment: String
        var kind: String
        var severity: String
    }

    public init() {
        // Registered up front so /metrics shows the series (at zero) before the first action.
        for kind in ActionResult.Kind.allCases {
            for outcome in ActionResult.Outcome.allCases {
                Counter(label: "steward_actions_total", dimensions: [("kind", kind.rawValue), ("outcome", outcome.rawValue)]).increment(by: 0)
            }
        }
        failures.increment(by: 0)
    }

    public func record(_ report: ReconcileReport) {
        let elapsed = max(0, report.finishedAt.timeIntervalSince(report.startedAt))
        duration.recordNanoseconds(Int64(elapsed * 1_000_000_000))
        for result in report.results {
            Counter(label: "steward_actions_total", dimensions: [("kind", result.kind.rawValue), ("outcome", result.outcome.rawValue)]).increment()
        }
        // A pass that left something unread or refused did not converge, whatever it sent.
        if !report.succeeded || report.isIncomplete || report.isPartlyRefused {
            failures.increment()
        }
        for refusal in report.refusals {
            Counter(label: "steward_refusals_total", dimensions: [("environment", refusal.environment.rawValue), ("guard", refusal.guardName.rawValue)]).increment()
        }
        // 0 means "no expiry pending", which Prometheus users read more easily than a missing series.
        nextExpiry.record(report.nextExpiry?.timeIntervalSince1970 ?? 0)

        var counts: [DriftKey: Int] = [:]
        for item in report.drift {
            counts[DriftKey(environment: item.environment.rawValue, kind: item.kind.rawValue, severity: item.severity.rawValue), default: 0] += 1
        }
        let stale = reportedDrift.withLock { reported -> Set<DriftKey> in
            let gone = reported.subtracting(counts.keys)
            reported = Set(counts.keys)
            return gone
        }
        for key in stale {
            driftGauge(key).record(0)
        }
        for (key, count) in counts {
            driftGauge(key).record(count)
        }
    }

    private func driftGauge(_ key: DriftKey) -> Gauge {
        Gauge(label: "steward_drift_items", dimensions: [("environment", key.environment), ("kind", key.kind), ("severity", key.severity)])
    }
}
