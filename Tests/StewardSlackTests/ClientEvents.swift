import Foundation
import StewardSlack
import Synchronization

/// The Socket Mode client's events, with a bounded wait for the one a test needs (the client
/// reports them; the test awaits them instead of sleeping).
final class ClientEvents: Sendable {
    private struct Waiter {
        var predicate: @Sendable ([SocketModeClientEvent]) -> Bool
        var continuation: CheckedContinuation<Bool, Never>
    }

    private struct State {
        var events: [SocketModeClientEvent] = []
        var waiters: [Int: Waiter] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    func record(_ event: SocketModeClientEvent) {
        let ready = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.events.append(event)
            let done = state.waiters.filter { $0.value.predicate(state.events) }
            for id in done.keys { state.waiters[id] = nil }
            return done.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: true) }
    }

    var all: [SocketModeClientEvent] { state.withLock { $0.events } }

    /// True once `predicate` holds over the events so far; false after `timeout`.
    func wait(timeout: Duration = .seconds(10), until predicate: @escaping @Sendable ([SocketModeClientEvent]) -> Bool) async -> Bool {
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let now = self.state.withLock { state -> Bool in
                        if predicate(state.events) { return true }
                        state.waiters[id] = Waiter(predicate: predicate, continuation: continuation)
                        return false
                    }
                    if now { continuation.resume(returning: true) }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
                waiter?.continuation.resume(returning: false)
                return false
            }
            let first = await group.next() ?? false
            // Resolve whichever side is still pending so the group can finish.
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.continuation.resume(returning: first)
            group.cancelAll()
            return first
        }
    }

    var connectedCount: Int { all.filter { if case .connected = $0 { true } else { false } }.count }
}
