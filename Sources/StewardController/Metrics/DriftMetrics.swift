import Foundation
import Metrics
import StewardCore
import Synchronization

/// Drift reports as swift-metrics series: `steward_drift_findings{environment,kind,severity,state}`
/// and `steward_drift_oldest_open_seconds` (the age of the oldest new or open finding, 0 when
/// there is none). Series that went away are set back to zero, not frozen.
public final class DriftMetrics: Sendable {
    private let oldestOpen = Gauge(label: "steward_drift_oldest_open_seconds")
    private let reported = Mutex<Set<Key>>([])

    struct Key: Hashable {
        var environment: String
        var kind: String
        var severity: String
        var state: String
    }

    public init() {
        oldestOpen.record(0)
    }

    public func record(_ report: DriftReport) {
        var counts: [Key: Int] = [:]
        for finding in report.findings where finding.state != .resolved {
            counts[Key(environment: finding.environment.rawValue, kind: finding.kind.rawValue, severity: finding.severity.rawValue,
                       state: finding.state.rawValue), default: 0] += 1
        }
        let stale = reported.withLock { reported -> Set<Key> in
            let gone = reported.subtracting(counts.keys)
            reported = Set(counts.keys)
            return gone
        }
        for key in stale { gauge(key).record(0) }
        for (key, count) in counts { gauge(key).record(count) }
        oldestOpen.record(report.active.map { $0.age(at: report.generatedAt) }.max() ?? 0)
    }

    private func gauge(_ key: Key) -> Gauge {
        Gauge(label: "steward_drift_findings",
              dimensions: [("environment", key.environment), ("kind", key.kind), ("severity", key.severity), ("state", key.state)])
    }
}
