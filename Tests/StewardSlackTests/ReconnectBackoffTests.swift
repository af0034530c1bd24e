import Testing
@testable import StewardSlack

/// Capped exponential backoff with full jitter: bounds hold for every attempt and every draw.
@Suite struct ReconnectBackoffTests {
    let backoff = ReconnectBackoff(base: .milliseconds(500), cap: .seconds(30))

    @Test func firstReconnectIsImmediate() {
        #expect(backoff.delay(attempt: 0, unit: 1) == .zero)
        #expect(backoff.delay(attempt: 0, unit: 0.5) == .zero)
    }

    @Test func ceilingDoublesThenCaps() {
        #expect(backoff.ceiling(attempt: 1) == .milliseconds(500))
        #expect(backoff.ceiling(attempt: 2) == .seconds(1))
        #expect(backoff.ceiling(attempt: 3) == .seconds(2))
        #expect(backoff.ceiling(attempt: 7) == .seconds(30))
        #expect(backoff.ceiling(attempt: 1_000) == .seconds(30), "no overflow for huge attempts")
    }

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64])
    func delayStaysWithinZeroAndTheCeiling(attempt: Int) {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 {
            let delay = backoff.delay(attempt: attempt, unit: Double.random(in: 0...1, using: &generator))
            #expect(delay >= .zero)
            #expect(delay <= backoff.ceiling(attempt: attempt))
        }
        #expect(backoff.delay(attempt: attempt, unit: 0) == .zero)
        #expect(backoff.delay(attempt: attempt, unit: 1) == backoff.ceiling(attempt: attempt))
        // Out-of-range draws are clamped, never exceed the cap.
        #expect(backoff.delay(attempt: attempt, unit: 7) == backoff.ceiling(attempt: attempt))
        #expect(backoff.delay(attempt: attempt, unit: -1) == .zero)
    }

    @Test func jitterSpreadsDelays() {
        let delays = Set((0..<100).map { backoff.delay(attempt: 5, unit: Double($0) / 100) })
        #expect(delays.count == 100)
    }
}
