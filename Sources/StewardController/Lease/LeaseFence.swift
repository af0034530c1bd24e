import Foundation
import StewardCore
import Synchronization

/// What every mutating AWS call asks before it is sent: does this replica hold the lease, and
/// for how much longer. Written by `LeaderLease`, read by `LeaseFencedTransport` and the HTTP
/// handlers. The deadline is an instant on the monotonic clock, so the fence closes by itself
/// when the renew deadline passes, even if the lease task is wedged or the process was stopped.
public final class LeaseFence: Sendable {
    public struct Snapshot: Sendable, Hashable {
        public var leading = false
        /// The holder as last read or written (nil: nobody, or not read yet).
        public var holder: String?
        public var epoch = 0
        /// No write may start at or after this instant (monotonic clock offset).
        public var deadline: Duration?
        /// True once the lease item was read or written: until then a standby can't say who leads.
        public var known = false

        public init(leading: Bool = false, holder: String? = nil, epoch: Int = 0, deadline: Duration? = nil, known: Bool = false) {
            self.leading = leading
            self.holder = holder
            self.epoch = epoch
            self.deadline = deadline
            self.known = known
        }
    }

    public let identity: String
    /// A call that could not use at least this long waits for the next renewal instead of
    /// being sent with a timeout too short to be useful.
    public let minimumRoom: Duration
    let now: @Sendable () -> Duration
    private let state = Mutex(Snapshot())

    public init(identity: String, timing: LeaseTiming, now: @escaping @Sendable () -> Duration = LeaseFence.monotonicNow) {
        self.identity = identity
        // In steady state the room never drops below renew_deadline − renew_every, so half of
        // it never makes a healthy leader wait.
        minimumRoom = min(.seconds(5), (timing.renewDeadline - timing.renewEvery) / 2)
        self.now = now
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    public func update(_ snapshot: Snapshot) {
        state.withLock { $0 = snapshot }
    }

    /// True while this replica holds the lease and its deadline has not passed.
    public var isLeading: Bool { room > .zero }

    /// Time left before the renew deadline; zero unless leading.
    public var room: Duration {
        let snapshot = self.snapshot
        guard snapshot.leading, let deadline = snapshot.deadline else { return .zero }
        return max(.zero, deadline - now())
    }

    /// The timeout a mutating call may use (its own, capped by the room left), after waiting
    /// for a renewal if the room is too short; throws when this replica is not the leader.
    public func admit(_ operation: String, timeout: Duration) async throws -> Duration {
        while true {
            let snapshot = self.snapshot
            let left = room
            guard snapshot.leading, left > .zero else { throw LeaseError.notLeader(operation: operation, holder: snapshot.holder) }
            if left >= minimumRoom { return min(timeout, left) }
            // Too close to the deadline: a renewal moves it on, or the deadline closes the fence.
            try await Task.sleep(for: min(.milliseconds(20), left))
        }
    }

    private static let origin = ContinuousClock.now

    /// Offsets on the process's monotonic clock, the time base of the lease.
    @Sendable public static func monotonicNow() -> Duration { ContinuousClock.now - origin }
}
