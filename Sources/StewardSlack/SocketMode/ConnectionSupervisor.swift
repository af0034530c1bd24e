/// The Socket Mode client's decisions, as a pure state machine: which connections to open and
/// when, which to close, when to give up. The client feeds it what its sockets report and does
/// what it answers, so every reconnect rule is testable without a socket.
///
/// Rules:
/// - One primary connection (the latest to say `hello`). A `disconnect` on it opens a
///   replacement first; the old one is closed only once the replacement has said `hello`, so
///   there is never a moment without a live connection.
/// - A connection that drops is replaced at once if it had been up for `stableAfter`;
///   otherwise (and after failed opens) with capped exponential backoff and full jitter, and
///   never sooner than a rate limit's Retry-After.
/// - A fatal error (bad token) stops everything.
/// - At most `maximumConnections` sockets exist at a time, closing ones included.
struct ConnectionSupervisor: Sendable {
    enum Event: Sendable {
        case hello(Int, at: ContinuousClock.Instant)
        case refresh(Int, reason: String)
        case ended(Int, SlackError?, at: ContinuousClock.Instant)
        case shutdown
    }

    enum Action: Sendable, Equatable {
        case launch(id: Int, after: Duration)
        case close(Int)
        /// Shutdown finished: every connection has ended.
        case stop
        case fail(SlackError)
    }

    let backoff: ReconnectBackoff
    let stableAfter: Duration
    let maximumConnections: Int

    private(set) var open: Set<Int> = []
    private(set) var primary: Int?
    private(set) var pending: Int?
    private(set) var attempt = 0
    private var helloAt: [Int: ContinuousClock.Instant] = [:]
    private var replacing: Set<Int> = []
    private var nextID = 0
    private var shuttingDown = false
    /// Set when a launch is needed but the connection bound is reached: retried as slots free.
    private var deferredDelay: Duration?

    init(backoff: ReconnectBackoff, stableAfter: Duration, maximumConnections: Int) {
        self.backoff = backoff
        self.stableAfter = stableAfter
        self.maximumConnections = max(1, maximumConnections)
    }

    mutating func start() -> [Action] {
        launch(after: .zero)
    }

    /// `unit` is a random number in [0, 1] for the backoff jitter.
    mutating func handle(_ event: Event, unit: Double) -> [Action] {
        switch event {
        case .hello(let id, let at):
            guard open.contains(id) else { return [] }
            helloAt[id] = at
            if pending == id { pending = nil }
            var actions: [Action] = []
            if let old = primary, old != id, open.contains(old) { actions.append(.close(old)) }
            primary = id
            if shuttingDown { actions.append(.close(id)) }
            return actions

        case .refresh(let id, _):
            guard !shuttingDown, id == primary, !replacing.contains(id) else { return [] }
            replacing.insert(id)
            return pending == nil ? launch(after: .zero) : []

        case .ended(let id, let error, let at):
            guard open.remove(id) != nil else { return [] }
            replacing.remove(id)
            let saidHello = helloAt.removeValue(forKey: id)
            let wasPrimary = id == primary, wasPending = id == pending
            if wasPrimary { primary = nil }
            if wasPending { pending = nil }
            if shuttingDown { return open.isEmpty ? [.stop] : [] }
            if let error, error.isFatal {
                shuttingDown = true
                return open.sorted().map(Action.close) + [.fail(error)]
            }
            if wasPrimary {
                let lived = saidHello.map { at - $0 } ?? .zero
                attempt = lived >= stableAfter ? 0 : attempt + 1
            } else if wasPending {
                attempt += 1
            } else {
                // An old connection we closed; its slot may be what a deferred launch waits for.
                if let delay = deferredDelay, pending == nil { return launch(after: delay) }
                return []
            }
            guard pending == nil, primary == nil || replacing.contains(primary!) else { return [] }
            var delay = backoff.delay(attempt: attempt, unit: unit)
            if case .rateLimited(_, let retryAfter) = error { delay = max(delay, retryAfter) }
            return launch(after: delay)

        case .shutdown:
            guard !shuttingDown else { return [] }
            shuttingDown = true
            deferredDelay = nil
            return open.isEmpty ? [.stop] : open.sorted().map(Action.close)
        }
    }

    private mutating func launch(after delay: Duration) -> [Action] {
        guard open.count < maximumConnections else {
            deferredDelay = delay
            return []
        }
        deferredDelay = nil
        nextID += 1
        open.insert(nextID)
        pending = nextID
        return [.launch(id: nextID, after: delay)]
    }
}
