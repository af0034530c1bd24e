/// Makes redelivery harmless: Slack resends an envelope it thinks was not acked (a slow ack, a
/// connection that died after we acted), sometimes under a new envelope id. A delivery is the
/// same as an earlier one when its envelope id matches (within `envelopeWindow`) or, for a
/// slash command, when user, command, text and trigger id match (within `commandWindow`). The
/// duplicate is acked with the first delivery's reply — waiting for it if it is still being
/// handled — and nothing is done twice.
actor DeliveryDeduplicator {
    enum Decision: Sendable, Equatable {
        /// The first delivery: handle it, then call `finish(_:reply:)` with this token.
        case first(Int)
        /// Seen before: ack with this reply and do nothing else.
        case duplicate(SlackMessage?)
    }

    private enum Slot {
        case inFlight([CheckedContinuation<SlackMessage?, Never>])
        case done(SlackMessage?)
    }

    private struct Key: Hashable {
        var kind: Character
        var value: String
    }

    private let envelopeWindow: Duration
    private let commandWindow: Duration
    private let capacity: Int
    private var slots: [Int: Slot] = [:]
    private var keys: [Key: (slot: Int, expires: ContinuousClock.Instant)] = [:]
    /// Insertion order, for expiry and the capacity bound.
    private var order: [(key: Key, slot: Int, expires: ContinuousClock.Instant)] = []
    private var head = 0
    private var nextSlot = 0

    init(envelopeWindow: Duration, commandWindow: Duration, capacity: Int) {
        self.envelopeWindow = envelopeWindow
        self.commandWindow = commandWindow
        self.capacity = max(1, capacity)
    }

    func begin(envelopeID: String, commandIdentity: String?, now: ContinuousClock.Instant = .now) async -> Decision {
        prune(now: now)
        let envelopeKey = Key(kind: "e", value: envelopeID)
        let commandKey = commandIdentity.map { Key(kind: "c", value: $0) }
        if let slot = live(envelopeKey, now: now) ?? commandKey.flatMap({ live($0, now: now) }) {
            // A new envelope id for a known command is remembered too, so a third delivery
            // under that id also matches.
            if live(envelopeKey, now: now) == nil { remember(envelopeKey, slot: slot, expires: now + envelopeWindow) }
            return .duplicate(await outcome(of: slot))
        }
        nextSlot += 1
        slots[nextSlot] = .inFlight([])
        remember(envelopeKey, slot: nextSlot, expires: now + envelopeWindow)
        if let commandKey { remember(commandKey, slot: nextSlot, expires: now + commandWindow) }
        return .first(nextSlot)
    }

    func finish(_ slot: Int, reply: SlackMessage?) {
        guard case .inFlight(let waiters) = slots[slot] else { return }
        slots[slot] = .done(reply)
        for waiter in waiters { waiter.resume(returning: reply) }
    }

    /// How many deliveries are remembered (for the capacity test).
    var rememberedKeys: Int { keys.count }

    private func outcome(of slot: Int) async -> SlackMessage? {
        switch slots[slot] {
        case .done(let reply): return reply
        case .inFlight(var waiters):
            return await withCheckedContinuation { continuation in
                waiters.append(continuation)
                slots[slot] = .inFlight(waiters)
            }
        case nil: return nil
        }
    }

    /// The slot a key names, unless its window has passed (windows differ, so expiry can't
    /// rely on insertion order alone).
    private func live(_ key: Key, now: ContinuousClock.Instant) -> Int? {
        guard let entry = keys[key], entry.expires > now else { return nil }
        return entry.slot
    }

    private func remember(_ key: Key, slot: Int, expires: ContinuousClock.Instant) {
        keys[key] = (slot, expires)
        order.append((key, slot, expires))
        while order.count - head > capacity { drop(at: head); head += 1 }
    }

    private func prune(now: ContinuousClock.Instant) {
        while head < order.count, order[head].expires <= now {
            drop(at: head)
            head += 1
        }
        // Compact now and then so the array doesn't grow without bound.
        if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    private func drop(at index: Int) {
        let entry = order[index]
        guard let current = keys[entry.key], current.slot == entry.slot, current.expires == entry.expires else { return }
        keys[entry.key] = nil
        if !keys.values.contains(where: { $0.slot == entry.slot }), case .done = slots[entry.slot] {
            slots[entry.slot] = nil
        }
    }
}
