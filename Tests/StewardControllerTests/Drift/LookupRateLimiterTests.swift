import CloudTrailEmulator
import Foundation
import StewardController
import Testing

/// At most two LookupEvents in any second, for every caller together.
@Suite("LookupEvents rate limit")
struct LookupRateLimiterTests {
    @Test("one caller: two at once, then one slot pair every 1.25 s (the second plus its margin)")
    func sequentialCallerOnAManualClock() async throws {
        let clock = TestClock()
        let start = clock.instant
        let limiter = LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) })
        var slots: [ContinuousClock.Instant] = []
        for _ in 0..<10 {
            let grant = try await limiter.acquire()
            slots.append(grant.slot)
            await limiter.release(grant)
        }
        let offsets = slots.map { $0 - start }
        #expect(offsets == [0, 0, 1250, 1250, 2500, 2500, 3750, 3750, 5000, 5000].map { Duration.milliseconds($0) })
        #expect(CloudTrailEmulator.most(of: slots, within: .seconds(1)) == 2)
        #expect(clock.sleeps == Array(repeating: Duration.milliseconds(1250), count: 4), "waits only when the budget is spent")
    }

    @Test("concurrent callers share the budget: each reserves its own slot before waiting")
    func concurrentCallersOnAManualClock() async throws {
        let clock = TestClock()
        // Waits are recorded, not taken: the clock stays put, so every caller sees the same now.
        let limiter = LookupRateLimiter(now: { clock.instant }, sleep: { clock.recordSleep($0) })
        let slots = try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
            for _ in 0..<10 {
                group.addTask {
                    let grant = try await limiter.acquire()
                    await limiter.release(grant)
                    return grant.slot
                }
            }
            return try await group.reduce(into: [ContinuousClock.Instant]()) { $0.append($1) }
        }
        // Which of the two tokens a caller gets depends on when the other callers give theirs
        // back, so the pairs may be uneven; the span may not: ten grants, two tokens, each
        // reused no sooner than the spacing after its last use.
        #expect(slots.count == 10)
        #expect(slots.max()! - slots.min()! >= .milliseconds(4 * 1250), "ten grants span at least four spacings")
        #expect(CloudTrailEmulator.most(of: slots, within: .seconds(1)) == 2)
        #expect(CloudTrailEmulator.most(of: slots, within: .milliseconds(1250)) == 2, "spacing includes the margin")
    }

    @Test("a token comes back a spacing after its request was answered, however slow the answer")
    func slowAnswersHoldTheirTokens() async throws {
        let clock = TestClock()
        let start = clock.instant
        let limiter = LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) })
        let first = try await limiter.acquire()
        let second = try await limiter.acquire()
        // Both requests take 3 s to be answered: a limiter timing tokens from the send alone
        // would grant the third at 1.25 s, while both were still on their way.
        clock.advance(.seconds(3))
        await limiter.release(first)
        let third = try await limiter.acquire()
        #expect(third.slot - start == .milliseconds(4250))
        #expect(clock.sleeps == [.milliseconds(1250)])
        await limiter.release(second)
        await limiter.release(third)
    }

    @Test("a caller waiting for a token gets the first one given back")
    func waitersAreServedByRelease() async throws {
        let clock = TestClock()
        let start = clock.instant
        let limiter = LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) })
        let first = try await limiter.acquire()
        let second = try await limiter.acquire()
        async let third = limiter.acquire()
        await limiter.release(second)
        let granted = try await third
        #expect(granted.slot - start == .milliseconds(1250))
        await limiter.release(first)
        await limiter.release(granted)
    }

    @Test("an idle limiter grants at once")
    func idleLimiterDoesNotWait() async throws {
        let clock = TestClock()
        let limiter = LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) })
        for _ in 0..<2 { await limiter.release(try await limiter.acquire()) }
        clock.advance(.seconds(10))
        let granted = try await limiter.acquire()
        #expect(granted.slot == clock.instant)
        #expect(clock.sleeps.isEmpty)
    }

    @Test("10 lookups for distinct resources, all at once, never put more than 2 requests in any second at the emulator")
    func tenConcurrentLookupsAgainstTheEmulator() async throws {
        // Real time here: the emulator stamps arrivals on its own clock, as AWS would.
        try await CloudTrailWorld.with { world in
            let now = Date()
            let resources = (0..<10).map { "sg-0rate\($0)" }
            world.emulator.seed(resources.map { EmulatedEvent("AuthorizeSecurityGroupIngress", on: $0, at: now.addingTimeInterval(-60), by: .assumedRole("Admin", session: "jane.doe")) })
            let attributor = CloudTrailAttributor(client: world.client, steward: StewardIdentity(callerARN: CloudTrailWorld.stewardCaller), limiter: LookupRateLimiter())
            let names = await withTaskGroup(of: String?.self) { group in
                for resource in resources {
                    group.addTask { await attributor.attribute(.ruleAdded(groupID: resource)).actor?.name }
                }
                return await group.reduce(into: [String?]()) { $0.append($1) }
            }
            #expect(names == Array(repeating: "jane.doe" as String?, count: 10))
            let lookups = world.emulator.lookupRequests
            #expect(lookups.count == 10)
            #expect(lookups.allSatisfy { $0.errorType == nil }, "never throttled: \(lookups.compactMap(\.errorType))")
            #expect(world.emulator.mostLookups(within: .seconds(1)) <= 2)
        }
    }
}
