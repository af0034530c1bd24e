import Foundation
import StewardAWS
@testable import StewardController
import StewardCore
import Testing

/// The loop's timing rules, its doorbell and the AWS-call naming, without processes.
@Suite struct RunDaemonUnitTests {
    let now = Date(timeIntervalSince1970: 1_795_773_600)

    @Test func sleepsTheIntervalWithinJitterWhenNothingExpires() {
        let schedule = LoopSchedule(interval: .seconds(60))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 0) == .seconds(54))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 0.5) == .seconds(60))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 1) == .seconds(66))
    }

    @Test func wakesJustAfterTheNextExpiryWhenItComesFirst() {
        let schedule = LoopSchedule(interval: .seconds(60), expiryMargin: .milliseconds(50))
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(3), unit: 1) == .milliseconds(3050))
        // An expiry beyond the interval doesn't stretch it.
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(600), unit: 0.5) == .seconds(60))
        // One already past (clock skew, a slow pass) means "now", never a negative sleep.
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(-5), unit: 0.5) == .zero)
    }

    @Test func wakeSignalCoalescesBurstsAndReleasesAWaiter() async {
        let signal = WakeSignal()
        signal.ring()
        signal.ring()
        signal.ring()
        await signal.wait() // already pending: returns at once
        #expect(signal.consume())
        #expect(!signal.consume())

        let waiter = Task { await signal.wait() }
        signal.ring()
        await waiter.value
        #expect(signal.consume())
    }

    @Test func wakeSignalWaitReturnsWhenCancelled() async {
        let signal = WakeSignal()
        let waiter = Task { await signal.wait() }
        waiter.cancel()
        await waiter.value
        #expect(!signal.consume())
    }

    @Test func countsCallsByStatusClass() {
        #expect(AWSCallCountingTransport.outcome(status: 200) == "success")
        #expect(AWSCallCountingTransport.outcome(status: 400) == "client_error")
        #expect(AWSCallCountingTransport.outcome(status: 503) == "server_error")
    }
}
