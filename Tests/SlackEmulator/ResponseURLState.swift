/// Use count and lifetime of one slash command's `response_url`.
struct ResponseURLState: Sendable {
    let envelopeID: String
    let url: String
    let issuedAt: ContinuousClock.Instant
    var uses: Int = 0
}
