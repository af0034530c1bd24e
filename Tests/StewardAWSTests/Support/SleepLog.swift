import Synchronization

/// Records the backoff sleeps a retry policy asked for.
final class SleepLog: Sendable {
    private let log = Mutex<[Duration]>([])
    func record(_ duration: Duration) { log.withLock { $0.append(duration) } }
    var durations: [Duration] { log.withLock { $0 } }
}
