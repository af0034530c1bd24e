import Synchronization

/// An async read made once, on first use; everyone who asks gets its one outcome.
final class SharedRead<Value: Sendable>: Sendable {
    private let read: @Sendable () async throws -> Value
    private let task = Mutex<Task<Value, any Error>?>(nil)

    init(_ read: @escaping @Sendable () async throws -> Value) {
        self.read = read
    }

    func value() async throws -> Value {
        let running = task.withLock { task in
            if let task { return task }
            let started = Task { try await read() }
            task = started
            return started
        }
        return try await running.value
    }
}
