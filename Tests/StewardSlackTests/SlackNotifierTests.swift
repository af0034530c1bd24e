import Foundation
import StewardCore
import Testing
@testable import StewardSlack

/// Notifications: posted in order, paced per channel, identical texts not repeated, 429s waited
/// out for their Retry-After.
@Suite struct SlackNotifierTests {
    static let dev = try! EnvironmentName("dev")

    @Test func pacerSpacesPostsPerChannel() {
        var pacer = ChannelPacer(interval: .seconds(1))
        let t0 = ContinuousClock.now
        let waits = [
            pacer.reserve("C1", now: t0),
            pacer.reserve("C1", now: t0 + .milliseconds(200)),
            pacer.reserve("C1", now: t0 + .milliseconds(300)),
            pacer.reserve("C2", now: t0 + .milliseconds(300)),
        ]
        #expect(waits == [.zero, .milliseconds(800), .milliseconds(1700), .zero], "channels are paced apart")
        pacer.block("C2", until: t0 + .seconds(10))
        let blocked = pacer.reserve("C2", now: t0 + .seconds(1))
        #expect(blocked == .seconds(9))
    }

    @Test func identicalMessagesAreNotRepeatedWithinTheWindow() {
        var recent = RecentMessages(window: .seconds(60))
        let t0 = ContinuousClock.now
        let admitted = [
            recent.admit("a", now: t0),
            recent.admit("a", now: t0 + .seconds(59)),
            recent.admit("b", now: t0 + .seconds(59)),
            recent.admit("a", now: t0 + .seconds(61)),
        ]
        #expect(admitted == [true, false, true, true])
    }

    @Test func postsInOrderWaitsOutRateLimitsAndDropsRepeats() async throws {
        let posted = Recorder<String>()
        let sleeps = Recorder<Duration>()
        let failures = Recorder<Int>()
        let notifier = SlackNotifier(channel: "C0NOTIFY", sleep: { sleeps.append($0) }) { message in
            // The second post attempt is rate-limited once.
            if posted.all.count == 1, failures.all.isEmpty {
                failures.append(1)
                throw SlackError.rateLimited(method: "chat.postMessage", retryAfter: .seconds(3))
            }
            #expect(message.channel == "C0NOTIFY")
            posted.append(message.text)
        }
        await notifier.notify(StewardNotification(kind: .expired, environment: Self.dev, text: "dev: 203.0.113.10/32 expired and was revoked from 2 groups"))
        await notifier.notify(StewardNotification(kind: .failure, environment: Self.dev, text: "dev: 1 action failed"))
        await notifier.notify(StewardNotification(kind: .failure, environment: Self.dev, text: "dev: 1 action failed"))
        await notifier.notify(StewardNotification(kind: .applied, environment: Self.dev, text: "dev: authorized 198.51.100.0/24"))
        notifier.finish()
        try await notifier.run()
        #expect(posted.all == [
            ":hourglass: dev: 203.0.113.10/32 expired and was revoked from 2 groups",
            ":x: dev: 1 action failed",
            ":white_check_mark: dev: authorized 198.51.100.0/24",
        ])
        // Three posts and one retry, each at least a second after the one before; the retry
        // waited the 3 s Retry-After.
        #expect(sleeps.all.count == 3)
        #expect(sleeps.all.allSatisfy { $0 >= .milliseconds(900) })
        #expect(sleeps.all.contains { $0 >= .milliseconds(2900) })
    }
}
