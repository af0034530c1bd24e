/// Everything the emulator holds, behind one lock.
struct CloudTrailEmulatorState: Sendable {
    /// Seeded events with their seeding order, which breaks ties between equal times.
    var events: [(sequence: Int, event: EmulatedEvent)] = []
    var cursors: [String: PageCursor] = [:]
    var records: [CloudTrailRequestRecord] = []
    /// Arrivals of the requests that got past the throttle, for its sliding window.
    var admitted: [ContinuousClock.Instant] = []
    var accessDenied = false
    var throttlingEverything = false
}
