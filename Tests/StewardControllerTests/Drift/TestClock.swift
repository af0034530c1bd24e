import Foundation
import Synchronization

/// A wall clock and a monotonic clock the test moves by hand, together: the attributor reads
/// the one, the rate limiter the other, and a `sleep` through this clock advances both.
final class TestClock: Sendable {
    private struct Reading {
        var date: Date
        var instant: ContinuousClock.Instant
        var sleeps: [Duration] = []
    }

    private let reading: Mutex<Reading>

    init(date: Date = Date()) {
        reading = Mutex(Reading(date: date, instant: ContinuousClock.now))
    }

    var date: Date { reading.withLock { $0.date } }
    var instant: ContinuousClock.Instant { reading.withLock { $0.instant } }
    var sleeps: [Duration] { reading.withLock { $0.sleeps } }

    func advance(_ duration: Duration) {
        reading.withLock { reading in
            reading.date = reading.date.addingTimeInterval(duration.seconds)
            reading.instant = reading.instant + duration
        }
    }

    /// Records the sleep and moves time on by it, without waiting.
    func sleep(_ duration: Duration) {
        reading.withLock { $0.sleeps.append(duration) }
        advance(duration)
    }

    /// Records the sleep and leaves time where it is: for concurrent callers, whose waits
    /// would otherwise move each other's clock.
    func recordSleep(_ duration: Duration) {
        reading.withLock { $0.sleeps.append(duration) }
    }

    /// The instant, then a step forward: requests stamped with this arrive `step` apart.
    func tick(_ step: Duration) -> ContinuousClock.Instant {
        reading.withLock { reading in
            let now = reading.instant
            reading.instant = now + step
            return now
        }
    }
}
