import NIOCore

/// All mutable emulator state. Only touched under `EmulatorStore`'s lock.
struct EmulatorState: Sendable {
    var records = SlackEmulatorRecords()
    var stopped = false
    var port = 0
    var serverTask: Task<Void, Never>?

    var tickets: [String: Ticket] = [:]
    var live: [SlackConnectionID: LiveConnection] = [:]
    var nextConnectionNumber = 1
    var deliveryCursor = 0

    var envelopes: [String: EnvelopeState] = [:]
    /// Events due while no connection was open, delivered after the next `hello`.
    var pendingEvents: [String] = []

    var responseURLs: [String: ResponseURLState] = [:]
    var lastPostByChannel: [String: ContinuousClock.Instant] = [:]
    var messageCounter = 0
    var forcedFailures: [String: [SlackAPIFailure]] = [:]

    var waiters: [UInt64: Waiter] = [:]
    var waiterTimers: [UInt64: Task<Void, Never>] = [:]
    var timers: [UInt64: Task<Void, Never>] = [:]
    var nextTokenID: UInt64 = 1

    mutating func makeTokenID() -> UInt64 {
        defer { nextTokenID += 1 }
        return nextTokenID
    }

    mutating func updateConnection(_ id: SlackConnectionID, _ change: (inout SlackConnectionRecord) -> Void) {
        guard let index = records.connections.firstIndex(where: { $0.id == id }) else { return }
        change(&records.connections[index])
    }

    func connectionRecord(_ id: SlackConnectionID) -> SlackConnectionRecord? {
        records.connections.first { $0.id == id }
    }
}
