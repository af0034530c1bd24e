import Synchronization

/// A level-triggered doorbell. Any number of `ring()`s while nobody waits collapse into one
/// pending wake: for the reconcile loop, a burst of file events or chat edits costs one extra
/// reconcile, not one per event — the loop re-reads everything anyway. Never consumed, it is a
/// one-shot signal (a socket's hello, a request to close): every waiter, before or after,
/// resumes. Waiting is cancellation-aware, so a blocked task never outlives its group.
public final class WakeSignal: Sendable {
    private struct State {
        var pending = false
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Marks a wake pending and releases every waiter.
    public func ring() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.pending = true
            let waiting = Array(state.waiters.values)
            state.waiters.removeAll()
            return waiting
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Whether a wake is pending (without consuming it).
    public var isPending: Bool { state.withLock { $0.pending } }

    /// Clears a pending wake; true if there was one.
    @discardableResult
    public func consume() -> Bool {
        state.withLock { state in
            defer { state.pending = false }
            return state.pending
        }
    }

    /// Returns once a wake is pending (without consuming it) or the task is cancelled.
    public func wait() async {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.pending || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
