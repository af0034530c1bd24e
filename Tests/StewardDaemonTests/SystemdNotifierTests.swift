import Foundation
import StewardController
import Testing
@testable import steward

/// sd_notify without libsystemd: which addresses NOTIFY_SOCKET may name, when the watchdog
/// counts, that a datagram reaches an abstract-namespace socket, and how the loop is paced.
@Suite struct SystemdNotifierTests {
    @Test func noNotifierWithoutNotifySocket() throws {
        #expect(try SystemdNotifier.fromEnvironment([:]) == nil)
        #expect(try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "", "WATCHDOG_USEC": "1000000"]) == nil)
    }

    @Test func pathsEndInNULAndAbstractNamesStartWithOne() throws {
        let path = try #require(try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/run/systemd/notify"]))
        #expect(path.addressBytes == Array("/run/systemd/notify".utf8) + [0])
        let abstract = try #require(try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "@steward/notify"]))
        #expect(abstract.addressBytes == [0] + Array("steward/notify".utf8))
    }

    @Test func refusesAddressesItCannotSpeakTo() {
        #expect(throws: SystemdNotifyError.unsupportedAddress("vsock:2:1234")) { try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "vsock:2:1234"]) }
        let long = "/" + String(repeating: "x", count: 200)
        #expect(throws: SystemdNotifyError.addressTooLong(long, limit: 108)) { try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": long]) }
    }

    @Test func watchdogCountsOnlyForThisProcess() throws {
        func watchdog(_ extra: [String: String]) throws -> Duration? {
            try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/run/n"].merging(extra) { $1 }, processID: 4242)?.watchdog
        }
        #expect(try watchdog(["WATCHDOG_USEC": "180000000"]) == .seconds(180))
        #expect(try watchdog(["WATCHDOG_USEC": "180000000", "WATCHDOG_PID": "4242"]) == .seconds(180))
        #expect(try watchdog(["WATCHDOG_USEC": "180000000", "WATCHDOG_PID": "1"]) == nil)
        #expect(try watchdog(["WATCHDOG_USEC": "0"]) == nil)
        #expect(try watchdog(["WATCHDOG_USEC": "soon"]) == nil)
        #expect(try watchdog([:]) == nil)
    }

    @Test func sendsOneDatagramToAnAbstractSocket() throws {
        let receiver = try AbstractNotifyReceiver(prefix: "steward-test")
        defer { receiver.close() }

        let notifier = try #require(try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": receiver.notifySocket]))
        try notifier.send(["READY=1", "STATUS=ready"])
        // A Unix datagram is queued at the receiver before sendto returns: nothing to wait for.
        #expect(receiver.drain() == ["READY=1\nSTATUS=ready"])
    }

    @Test func sendingToAMissingSocketSaysWhatFailed() throws {
        let notifier = try #require(try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/nonexistent/steward/notify"]))
        #expect(throws: SystemdNotifyError.sendFailed("/nonexistent/steward/notify", message: "WATCHDOG=1", errno: ENOENT)) {
            try notifier.send(["WATCHDOG=1"])
        }
    }

    @Test func aShortWatchdogShortensTheLoopSoItsLongestSleepIsHalfTheWatchdog() throws {
        #expect(DaemonProgress.longestInterval(watchdog: .seconds(180), jitter: 0.1) == .milliseconds(81_818))
        let watched = DaemonProgress(notifier: try SystemdNotifier.fromEnvironment(["NOTIFY_SOCKET": "/run/n", "WATCHDOG_USEC": "2000000"]),
                                     logger: .init(label: "test"))
        let schedule = watched.schedule(interval: .seconds(60))
        #expect(schedule.delay(now: Date(), nextExpiry: nil, unit: 1) <= .seconds(1))
        #expect(schedule.jitter == LoopSchedule(interval: .seconds(60)).jitter)
        // A watchdog longer than twice the jittered interval changes nothing; no systemd, nothing.
        #expect(watched.schedule(interval: .milliseconds(500)).interval == .milliseconds(500))
        #expect(DaemonProgress(notifier: nil, logger: .init(label: "test")).schedule(interval: .seconds(60)).interval == .seconds(60))
    }

    @Test func statusIsOneLine() {
        var snapshot = ReconcileStatus().snapshot
        snapshot.reason = "AWS unreachable:\nconnection refused"
        #expect(DaemonProgress.status(snapshot) == "not ready: AWS unreachable: connection refused")
        snapshot.ready = true
        snapshot.completed = 3
        #expect(DaemonProgress.status(snapshot) == "ready; 3 reconcile(s) completed")
    }
}
