import Dispatch
import Synchronization

/// Group commit: requests for the same key that arrive while a batch for that key is being
/// processed wait, then go into the next batch together, each with its own outcome. A batch
/// only holds requests made before it started, so every caller sees work begun after its call.
///
/// The store uses it for edits (one read, parse and fsync per batch of edits to a file, not
/// per edit) and for loads (callers waiting at the same time share one read of the
/// directory). A burst of 1,000 Slack commands re-parsed a file that grew with every edit,
/// twice per command: quadratic, over ten seconds, and acks missed Slack's deadline.
final class RequestBatcher<Key: Hashable & Sendable, Request: Sendable, Output: Sendable>: Sendable {
    /// Processes one batch for `key`; returns one outcome per request, in order.
    typealias Processor = @Sendable (_ requests: [Request], _ key: Key) -> [Result<Output, any Error>]

    private struct Waiting: Sendable {
        let request: Request
        let continuation: CheckedContinuation<Output, any Error>
    }

    private let queues = Mutex<[Key: [Waiting]]>([:])
    /// Told how many requests wait for a key after each arrival (for tests).
    private let onQueued: (@Sendable (Key, Int) -> Void)?

    init(onQueued: (@Sendable (Key, Int) -> Void)? = nil) {
        self.onQueued = onQueued
    }

    /// Queues `request`; if no batch is being processed for `key`, starts processing with `processor`.
    func submit(_ request: Request, for key: Key, processor: @escaping Processor) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            // A key present in `queues` is being processed; its array holds the next batch.
            let (startDraining, waiting) = queues.withLock { queues -> (Bool, Int) in
                guard queues[key] != nil else {
                    queues[key] = []
                    return (true, 1)
                }
                queues[key]!.append(Waiting(request: request, continuation: continuation))
                return (false, queues[key]!.count)
            }
            onQueued?(key, waiting)
            guard startDraining else { return }
            let first = Waiting(request: request, continuation: continuation)
            // Processing blocks (another process's flock, fsync, parsing): a dispatch thread,
            // so Swift's small cooperative pool keeps serving other tasks meanwhile.
            DispatchQueue.global().async { self.drain(key, first: [first], processor: processor) }
        }
    }

    /// Processes batches until nothing waits for `key`.
    private func drain(_ key: Key, first: [Waiting], processor: Processor) {
        var batch = first
        while !batch.isEmpty {
            let outcomes = processor(batch.map(\.request), key)
            precondition(outcomes.count == batch.count, "a batch processor must answer every request")
            for (waiting, outcome) in zip(batch, outcomes) {
                waiting.continuation.resume(with: outcome)
            }
            batch = queues.withLock { queues -> [Waiting] in
                let next = queues[key] ?? []
                if next.isEmpty {
                    queues[key] = nil
                } else {
                    queues[key] = []
                }
                return next
            }
        }
    }
}
