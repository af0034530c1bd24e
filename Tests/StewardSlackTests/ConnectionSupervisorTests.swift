import Testing
@testable import StewardSlack

/// The reconnect rules, without sockets: new before old on disconnect, immediate reconnect
/// after a healthy connection drops, growing backoff after failures, Retry-After honoured,
/// fatal errors stop, the connection bound holds.
@Suite struct ConnectionSupervisorTests {
    let t0 = ContinuousClock.now
    func supervisor(maximum: Int = 2) -> ConnectionSupervisor {
        ConnectionSupervisor(backoff: ReconnectBackoff(base: .seconds(1), cap: .seconds(30)), stableAfter: .seconds(10), maximumConnections: maximum)
    }

    @Test func disconnectOpensANewConnectionBeforeClosingTheOld() {
        var s = supervisor()
        #expect(s.start() == [.launch(id: 1, after: .zero)])
        #expect(s.handle(.hello(1, at: t0), unit: 1) == [])
        #expect(s.handle(.refresh(1, reason: "refresh_requested"), unit: 1) == [.launch(id: 2, after: .zero)])
        // A second disconnect message before the replacement is up opens nothing more.
        #expect(s.handle(.refresh(1, reason: "warning"), unit: 1) == [])
        // Only the replacement's hello closes the old one.
        #expect(s.handle(.hello(2, at: t0 + .seconds(1)), unit: 1) == [.close(1)])
        #expect(s.handle(.ended(1, nil, at: t0 + .seconds(2)), unit: 1) == [])
        #expect(s.primary == 2)
        #expect(s.open == [2])
    }

    @Test func aHealthyConnectionThatDropsIsReplacedAtOnce() {
        var s = supervisor()
        _ = s.start()
        _ = s.handle(.hello(1, at: t0), unit: 1)
        #expect(s.handle(.ended(1, .connectionLost(detail: "reset"), at: t0 + .seconds(60)), unit: 1) == [.launch(id: 2, after: .zero)])
    }

    @Test func failuresBackOffAndAStableConnectionResets() {
        var s = supervisor()
        _ = s.start()
        let lost = SlackError.transport(method: "apps.connections.open", detail: "refused")
        #expect(s.handle(.ended(1, lost, at: t0), unit: 1) == [.launch(id: 2, after: .seconds(1))])
        #expect(s.handle(.ended(2, lost, at: t0), unit: 1) == [.launch(id: 3, after: .seconds(2))])
        #expect(s.handle(.ended(3, lost, at: t0), unit: 0.5) == [.launch(id: 4, after: .seconds(2))])
        _ = s.handle(.hello(4, at: t0), unit: 1)
        // Dropped right after hello: still counts as failing.
        #expect(s.handle(.ended(4, .connectionLost(detail: "x"), at: t0 + .seconds(1)), unit: 1) == [.launch(id: 5, after: .seconds(8))])
        _ = s.handle(.hello(5, at: t0), unit: 1)
        #expect(s.handle(.ended(5, .connectionLost(detail: "x"), at: t0 + .seconds(11)), unit: 1) == [.launch(id: 6, after: .zero)])
    }

    @Test func rateLimitWaitsAtLeastRetryAfter() {
        var s = supervisor()
        _ = s.start()
        let limited = SlackError.rateLimited(method: "apps.connections.open", retryAfter: .seconds(7))
        #expect(s.handle(.ended(1, limited, at: t0), unit: 0) == [.launch(id: 2, after: .seconds(7))])
    }

    @Test func fatalErrorsStop() {
        var s = supervisor()
        _ = s.start()
        let fatal = SlackError.authenticationFailed(method: "apps.connections.open", code: "invalid_auth", tokenKind: .app)
        #expect(s.handle(.ended(1, fatal, at: t0), unit: 1) == [.fail(fatal)])
        #expect(s.handle(.ended(1, nil, at: t0), unit: 1) == [])
    }

    @Test func theConnectionBoundHoldsAndADeferredLaunchRunsWhenASlotFrees() {
        var s = supervisor(maximum: 2)
        _ = s.start()
        _ = s.handle(.hello(1, at: t0), unit: 1)
        _ = s.handle(.refresh(1, reason: "warning"), unit: 1)           // opens 2
        _ = s.handle(.hello(2, at: t0), unit: 1)                         // closes 1 (still open until it ends)
        #expect(s.handle(.refresh(2, reason: "warning"), unit: 1) == [], "two sockets open: the bound defers the third")
        #expect(s.open.count == 2)
        #expect(s.handle(.ended(1, nil, at: t0), unit: 1) == [.launch(id: 3, after: .zero)])
    }

    @Test func shutdownClosesEverythingThenStops() {
        var s = supervisor()
        _ = s.start()
        _ = s.handle(.hello(1, at: t0), unit: 1)
        _ = s.handle(.refresh(1, reason: "warning"), unit: 1)
        #expect(s.handle(.shutdown, unit: 1) == [.close(1), .close(2)])
        #expect(s.handle(.ended(1, nil, at: t0), unit: 1) == [])
        #expect(s.handle(.hello(2, at: t0), unit: 1) == [.close(2)], "a connection that comes up during shutdown is closed")
        #expect(s.handle(.ended(2, nil, at: t0), unit: 1) == [.stop])
    }
}
