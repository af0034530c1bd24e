import StewardCore
import Synchronization

/// Counts envelopes being handled on one connection, so a connection being replaced can wait
/// for its acks to go out before it closes.
final class InFlightCounter: Sendable {
    private struct State {
        var count = 0
        var idle = WakeSignal()
        var sealed = false
    }

    private let state = Mutex(State())

    func enter() {
        state.withLock { state in
            if state.count == 0 { state.idle = WakeSignal() }
            state.count += 1
        }
    }

    func leave() {
        let idle = state.withLock { state -> WakeSignal? in
            state.count -= 1
            return state.count == 0 ? state.idle : nil
        }
        idle?.ring()
    }

    var count: Int { state.withLock { $0.count } }

    /// Seals the counter if nothing is in flight, atomically: work that enters afterwards sees
    /// `isSealed` and knows its connection is closing, while nothing that checked before can
    /// still be writing. The connection's close frame goes out only once this returned true.
    func sealIfIdle() -> Bool {
        state.withLock { state in
            guard state.count == 0 else { return false }
            state.sealed = true
            return true
        }
    }

    var isSealed: Bool { state.withLock { $0.sealed } }

    /// Returns once nothing is in flight (or at once if nothing is).
    func waitUntilIdle() async {
        let idle = state.withLock { $0.count == 0 ? nil : $0.idle }
        await idle?.wait()
    }
}
