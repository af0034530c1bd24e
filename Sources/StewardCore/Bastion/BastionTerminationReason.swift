/// Why the planner terminates an owned bastion; shown on its plan line and in the audit log.
public enum BastionTerminationReason: String, Sendable, Hashable, Codable, CaseIterable {
    case leaseExpired = "lease expired"
    case noLease = "no lease in desired state"
    case tierNotRunning = "environment not running"
    /// More owned live instances than the one lease wants; the first launched is kept.
    case extra = "more bastions than leases"
    /// Stopped (or stopping) outside Steward while its lease runs: replaced by a fresh launch
    /// from the current template rather than restarted as whatever it was changed into.
    case stopped = "stopped outside Steward"
}
