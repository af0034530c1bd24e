/// At most `limit` requests in flight per host, the rest waiting their turn first come first
/// served, each only until its own deadline.
///
/// AsyncHTTPClient queues requests past its per-host connection limit too, but gives a queued
/// request only the connect timeout (3 s) before failing it with `getConnectionFromPoolTimeout`:
/// 500 environments' reads fanned out at once failed that way against moto. Waiting here
/// instead counts against the request's own timeout, which is what the lease fence caps, so a
/// write that waited for a slot still cannot land after the lease could have passed on.
actor ConnectionSlots {
    let limit: Int
    private var inUse: [String: Int] = [:]
    private var waiting: [String: [Waiter]] = [:]
    private var nextID: UInt64 = 0

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// Why a wait ended without a slot.
    enum Refusal: Error, Equatable {
        case deadlinePassed
    }

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Returns holding a slot for `host`; throws `Refusal.deadlinePassed` at `deadline`, or
    /// `CancellationError`, without one.
    func acquire(host: String, until deadline: ContinuousClock.Instant) async throws {
        if inUse[host, default: 0] < limit, waiting[host, default: []].isEmpty {
            inUse[host, default: 0] += 1
            return
        }
        guard deadline > .now else { throw Refusal.deadlinePassed }
        nextID += 1
        let id = nextID
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.give(up: id, host: host, with: Refusal.deadlinePassed)
        }
        defer { timer.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiting[host, default: []].append(Waiter(id: id, continuation: continuation))
            }
        } onCancel: {
            Task { await self.give(up: id, host: host, with: CancellationError()) }
        }
    }

    /// Hands the slot to the first waiter, or frees it.
    func release(host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.continuation.resume()
        } else {
            inUse[host, default: 1] -= 1
        }
    }

    /// A waiter whose deadline passed or whose task was cancelled leaves the queue; one already
    /// handed a slot keeps it (and releases it as usual).
    private func give(up id: UInt64, host: String, with error: any Error) {
        guard var queue = waiting[host], let index = queue.firstIndex(where: { $0.id == id }) else { return }
        let waiter = queue.remove(at: index)
        waiting[host] = queue
        waiter.continuation.resume(throwing: error)
    }
}
