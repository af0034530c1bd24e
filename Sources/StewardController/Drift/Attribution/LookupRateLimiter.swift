/// Paces CloudTrail LookupEvents for the whole process: the API allows two requests per second
/// per account and region and throttles past that, and every caller in the process shares one
/// budget, so they share one limiter.
///
/// `limit` tokens, each held for the whole request: a token comes back `spacing` after the
/// request that used it has been answered (or after its slot, if that is later). Timing tokens
/// from the send alone is not enough: on a loaded host, requests sent 1.25 s apart were seen
/// arriving four to a second after uneven delays on the way (CI, 2026-12-03). Timing them from
/// the answer is causal: the server saw request k before it answered it, and request k+limit
/// leaves `spacing` after that answer, so no `window` at the server ever holds more than `limit`
/// of them, whatever the delays.
public actor LookupRateLimiter {
    public let limit: Int
    /// The API's window plus a margin against the server's own timekeeping.
    public let spacing: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let sleep: @Sendable (Duration) async throws -> Void
    /// The process's one limiter for LookupEvents, the default of every attributor.
    public static let shared = LookupRateLimiter()
    /// When each free token may next be used; a token in use is absent.
    private var freeTokens: [ContinuousClock.Instant]
    /// Callers waiting for a token, first come first served.
    private var waiters: [CheckedContinuation<ContinuousClock.Instant, Never>] = []

    /// One request's hold on a token; give it back with `release(_:)` once the request is
    /// answered or has failed.
    public struct Grant: Sendable {
        /// The instant the caller was allowed to send.
        public let slot: ContinuousClock.Instant
    }

    /// - Parameters:
    ///   - limit: requests allowed per `window` (CloudTrail's LookupEvents: 2 per second).
    ///   - margin: added to `window`; see `spacing`.
    ///   - now, sleep: the clock; tests pass a manual one.
    public init(
        limit: Int = 2,
        window: Duration = .seconds(1),
        margin: Duration = .milliseconds(250),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.limit = max(1, limit)
        self.spacing = window + max(.zero, margin)
        self.now = now
        self.sleep = sleep
        let start = now()
        self.freeTokens = Array(repeating: start, count: self.limit)
    }

    /// Runs `body` (one request) holding a token, and gives the token back when it returns or
    /// throws.
    public func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        let grant = try await acquire()
        do {
            let result = try await body()
            release(grant)
            return result
        } catch {
            release(grant)
            throw error
        }
    }

    /// Waits until the caller may send one request and holds a token for it. A caller
    /// cancelled while waiting still gives its token back through `release`, `spacing` later:
    /// the budget errs on the side of sending less.
    public func acquire() async throws -> Grant {
        let readyAt: ContinuousClock.Instant
        if let earliest = freeTokens.indices.min(by: { freeTokens[$0] < freeTokens[$1] }) {
            readyAt = freeTokens.remove(at: earliest)
        } else {
            // Reentrancy: the actor runs other callers while this one is parked here.
            readyAt = await withCheckedContinuation { waiters.append($0) }
        }
        let current = now()
        let slot = max(current, readyAt)
        let wait = slot - current
        if wait > .zero {
            do {
                try await sleep(wait)
            } catch {
                release(Grant(slot: slot))
                throw error
            }
        }
        return Grant(slot: slot)
    }

    /// Gives a token back: usable again `spacing` after now (or after its slot, if later).
    public func release(_ grant: Grant) {
        let readyAgain = max(now(), grant.slot) + spacing
        if waiters.isEmpty {
            freeTokens.append(readyAgain)
        } else {
            waiters.removeFirst().resume(returning: readyAgain)
        }
    }
}
