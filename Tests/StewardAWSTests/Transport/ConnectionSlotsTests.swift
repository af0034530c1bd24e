import Foundation
import StewardTestSupport
import Synchronization
import Testing
@testable import StewardAWS

/// Requests past the per-host connection limit wait in Steward's own queue, each until its own
/// deadline, instead of AsyncHTTPClient's (which fails a queued request after the connect
/// timeout: how 500 environments' fanned-out reads failed against moto).
struct ConnectionSlotsTests {
    @Test func waitersAreServedInOrderAsSlotsAreReleased() async throws {
        let slots = ConnectionSlots(limit: 2)
        let far = ContinuousClock.now + .seconds(60)
        try await slots.acquire(host: "h", until: far)
        try await slots.acquire(host: "h", until: far)
        let order = Mutex<[Int]>([])
        async let third: Void = { try await slots.acquire(host: "h", until: far); order.withLock { $0.append(3) } }()
        // Another host is not held up by this one's queue.
        try await slots.acquire(host: "other", until: far)
        await slots.release(host: "h")
        try await third
        #expect(order.withLock { $0 } == [3])
    }

    @Test func aWaiterGivesUpAtItsDeadlineAndTheSlotsStayCounted() async throws {
        let slots = ConnectionSlots(limit: 1)
        try await slots.acquire(host: "h", until: .now + .seconds(60))
        await #expect(throws: ConnectionSlots.Refusal.deadlinePassed) {
            try await slots.acquire(host: "h", until: .now + .milliseconds(50))
        }
        await slots.release(host: "h")
        // The slot is free again, and the one that gave up did not take it.
        try await slots.acquire(host: "h", until: .now)
    }

    @Test(.timeLimit(.minutes(1)))
    func aBurstFarPastThePoolWaitsItsTurnInsteadOfFailing() async throws {
        let inFlight = Mutex<(now: Int, most: Int)>((0, 0))
        let server = try await LocalHTTPServer.start { _ in
            inFlight.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
            // The server's own latency: a slow endpoint, not synchronisation.
            try? await Task.sleep(for: .milliseconds(40))
            inFlight.withLock { $0.now -= 1 }
            return LocalHTTPResponse(status: 200, contentType: "application/json", text: "{}")
        }
        // 120 requests over 4 connections take about 1.2 s; AsyncHTTPClient alone would fail
        // those queued past its 300 ms connect timeout.
        let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .milliseconds(300), maximumConnectionsPerHost: 4))
        let endpoint = try #require(AWSEndpoint(url: server.url))
        let statuses = await withTaskGroup(of: Int?.self) { group in
            for _ in 0..<120 {
                group.addTask { try? await transport.send(AWSHTTPRequest(method: "GET", endpoint: endpoint), timeout: .seconds(30)).status }
            }
            return await group.reduce(into: [Int?]()) { $0.append($1) }
        }
        try await transport.shutdown()
        await server.stop()
        #expect(statuses.count == 120)
        #expect(statuses.allSatisfy { $0 == 200 }, "failed: \(statuses.filter { $0 != 200 }.count)")
        #expect(inFlight.withLock { $0.most } <= 4)
    }
}
