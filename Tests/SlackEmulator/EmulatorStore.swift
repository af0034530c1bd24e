import Synchronization

/// The emulator's state behind one lock, with waiters that re-check their condition after every
/// change — so tests await events instead of sleeping.
final class EmulatorStore: Sendable {
    private let state = Mutex(EmulatorState())

    /// Applies `change`, then resumes every waiter whose condition now holds.
    @discardableResult
    func mutate<T, E: Error>(_ change: (inout EmulatorState) throws(E) -> T) throws(E) -> T {
        try state.withLock { (state: inout EmulatorState) throws(E) -> T in
            let result = try change(&state)
            Self.evaluateWaiters(&state)
            return result
        }
    }

    func read<T>(_ body: (EmulatorState) -> T) -> T {
        state.withLock { body($0) }
    }

    private static func evaluateWaiters(_ state: inout EmulatorState) {
        guard !state.waiters.isEmpty else { return }
        let records = state.records
        for (id, waiter) in state.waiters where waiter.evaluate(records) {
            state.waiters[id] = nil
            state.waiterTimers.removeValue(forKey: id)?.cancel()
        }
    }

    /// Suspends until `probe` returns a value for the current records, the timeout passes, or the
    /// emulator stops.
    func wait<T: Sendable>(
        for description: String,
        timeout: Duration,
        probe: @escaping @Sendable (SlackEmulatorRecords) -> T?
    ) async throws(SlackEmulatorError) -> T {
        let id = state.withLock { $0.makeTokenID() }
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, SlackEmulatorError>, Never>) in
                let immediate: Result<T, SlackEmulatorError>? = state.withLock { state in
                    if state.stopped { return .failure(.stopped(waitingFor: description)) }
                    if let value = probe(state.records) { return .success(value) }
                    state.waiters[id] = Waiter(
                        evaluate: { records in
                            guard let value = probe(records) else { return false }
                            continuation.resume(returning: .success(value))
                            return true
                        },
                        fail: { error in continuation.resume(returning: .failure(error)) }
                    )
                    return nil
                }
                if let immediate {
                    continuation.resume(returning: immediate)
                    return
                }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    self.failWaiter(id, with: .timedOut(waitingFor: description, after: timeout))
                }
                let resolvedAlready = state.withLock { state in
                    guard state.waiters[id] != nil else { return true }
                    state.waiterTimers[id] = timer
                    return false
                }
                if resolvedAlready { timer.cancel() }
            }
        } onCancel: {
            self.failWaiter(id, with: .stopped(waitingFor: "\(description) (task cancelled)"))
        }
        return try result.get()
    }

    private func failWaiter(_ id: UInt64, with error: SlackEmulatorError) {
        let waiter = state.withLock { state -> Waiter? in
            state.waiterTimers.removeValue(forKey: id)?.cancel()
            return state.waiters.removeValue(forKey: id)
        }
        waiter?.fail(error)
    }

    /// Runs `action` after `delay` unless the emulator stops first.
    func schedule(after delay: Duration, _ action: @escaping @Sendable () async -> Void) {
        state.withLock { state in
            guard !state.stopped else { return }
            let id = state.makeTokenID()
            state.timers[id] = Task {
                try? await Task.sleep(for: delay)
                guard !Task.isCancelled else { return }
                await action()
                self.state.withLock { _ = $0.timers.removeValue(forKey: id) }
            }
        }
    }

    /// Marks the store stopped, fails all waiters and cancels all timers. Returns the live
    /// connections and the server task so the caller can close them outside the lock.
    func shutDown() -> (connections: [LiveConnection], serverTask: Task<Void, Never>?) {
        let (waiters, timers, connections, serverTask) = state.withLock { state in
            state.stopped = true
            let waiters = Array(state.waiters.values)
            state.waiters.removeAll()
            let timers = Array(state.timers.values) + Array(state.waiterTimers.values)
            state.timers.removeAll()
            state.waiterTimers.removeAll()
            let connections = Array(state.live.values)
            let serverTask = state.serverTask
            state.serverTask = nil
            return (waiters, timers, connections, serverTask)
        }
        timers.forEach { $0.cancel() }
        waiters.forEach { $0.fail(.stopped(waitingFor: "a condition")) }
        return (connections, serverTask)
    }
}
