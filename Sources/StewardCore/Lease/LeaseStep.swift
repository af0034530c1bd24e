/// What the lease driver should do next, as decided by `LeaseElector` (the driver does the I/O
/// and reports the outcome back).
public enum LeaseStep: Sendable, Hashable {
    /// A consistent read of the lease item.
    case read
    /// Write `record` on condition that the item is absent (`expecting` nil) or still has
    /// `expecting.revision`: nobody renewed it since it was observed.
    case acquire(LeaseRecord, expecting: LeaseRecord?)
    /// Write `record` on condition that `expecting.holder` and `expecting.epoch` still hold it.
    case renew(LeaseRecord, expecting: LeaseRecord)
    /// The renew deadline passed without a successful renewal: stop writing now.
    case stepDown
    /// Nothing to do before this instant of the replica's monotonic clock.
    case wait(until: Duration)
}
