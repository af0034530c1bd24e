/// Delivery bookkeeping for one envelope id across its (re)deliveries.
struct EnvelopeState: Sendable {
    let type: SlackEnvelopeType
    let payload: SlackJSON
    let acceptsResponsePayload: Bool
    var attempt: Int = 0
    var latestSentAt: ContinuousClock.Instant?
    var latestConnection: SlackConnectionID?
    /// Set when the deadline of the latest delivery passed without an ack.
    var deadlineExpired = false
    var acked = false
}
