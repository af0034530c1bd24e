/// Runs `body` against a deadline: its answer if it finishes first, false once `timeout` passes
/// (and `body` is cancelled). For waits on an event that must not hang a test.
public func answer(within timeout: Duration, _ body: @escaping @Sendable () async -> Bool) async -> Bool {
    await withTaskGroup(of: Bool.self) { group in
        group.addTask { await body() }
        group.addTask {
            try? await Task.sleep(for: timeout)
            return false
        }
        let first = await group.next() ?? false
        group.cancelAll()
        return first
    }
}
