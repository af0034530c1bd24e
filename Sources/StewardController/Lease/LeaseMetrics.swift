import Metrics

/// The lease as swift-metrics series: `steward_leader` (0/1), `steward_lease_epoch`,
/// `steward_lease_transitions_total` (acquisitions and losses), `steward_lease_renew_seconds`.
public struct LeaseMetrics: Sendable {
    private let leader = Gauge(label: "steward_leader")
    private let epoch = Gauge(label: "steward_lease_epoch")
    private let transitions = Counter(label: "steward_lease_transitions_total")
    private let renew = Metrics.Timer(label: "steward_lease_renew_seconds", preferredDisplayUnit: .seconds)

    public init() {
        // Shown (at zero) before the first read, so a dashboard sees a standby as one.
        leader.record(0)
        epoch.record(0)
        transitions.increment(by: 0)
    }

    func record(leading: Bool, epoch value: Int) {
        leader.record(leading ? 1 : 0)
        epoch.record(value)
    }

    func transitioned(by count: Int) {
        if count > 0 { transitions.increment(by: count) }
    }

    func renewed(in duration: Duration) {
        renew.recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }
}
