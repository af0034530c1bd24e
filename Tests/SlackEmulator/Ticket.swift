/// A single-use `apps.connections.open` ticket.
struct Ticket: Sendable {
    let issuedAt: ContinuousClock.Instant
    var used: Bool
}
