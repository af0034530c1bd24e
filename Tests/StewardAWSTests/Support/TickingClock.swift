import Synchronization

/// A monotonic clock that moves on by `step` every time it is read: an emulator stamping
/// arrivals with it sees each request `step` after the last, whatever the real pace.
final class TickingClock: Sendable {
    private let current = Mutex(ContinuousClock.now)
    private let step: Duration

    init(step: Duration) {
        self.step = step
    }

    func tick() -> ContinuousClock.Instant {
        current.withLock { now in
            defer { now = now + step }
            return now
        }
    }
}
