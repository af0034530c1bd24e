import Foundation
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// "A retried launch never makes two", against AWS's ClientToken semantics: moto launches
/// again on a repeated token (MOTO.md item 8), so these run through `BastionIdempotencyProxy`,
/// which answers a repeated token with the first launch's instance as AWS does.
@Suite(.serialized) struct BastionIdempotencyTests {
    typealias W = BastionWorld

    @Test func aLostLaunchResponseIsRetriedWithTheSameTokenAndLaunchesOnce() async throws {
        try await W.with(idempotentLaunches: true) { world in
            let proxy = try #require(world.idempotency)
            proxy.loseNextLaunchResponse()
            let (_, results, _) = try await world.pass([try world.create(world.running())])
            #expect(results.map(\.outcome) == [.applied])
            #expect(proxy.launches == 1)
            #expect(proxy.replays == 1, "the runtime's retry carried the same token")
            let live = try await world.live()
            #expect(live.count == 1)
            #expect(results.first?.resource.id == live.first?.id)
            #expect(live.first?.tags["steward:lease-expires-at"] == "2026-11-27T13:00:00Z")
        }
    }

    @Test func reExecutingAPlanAfterACrashLaunchesOnce() async throws {
        try await W.with(idempotentLaunches: true) { world in
            let proxy = try #require(world.idempotency)
            let desired = try world.create(world.running())
            // `steward apply` confirmed this plan, launched, and died before recording anything;
            // the re-run executes the same plan (a lease extended meanwhile changes nothing).
            let reconciler = world.reconciler()
            let plan = try #require(try await reconciler.plan([(W.dev, desired, failed: false)], now: world.clock).first)
            let first = await reconciler.execute(plan)
            world.clock = world.clock.addingTimeInterval(60)
            let replanned = try #require(
                BastionPlanner(ownerID: "steward").plan(desired: try world.extend(desired), observed: [], launchTemplate: "dev-bastion", now: world.clock).launch)
            var again = plan
            again.launch = replanned
            let second = await world.reconciler().execute(again)
            #expect(first.results.map(\.outcome) == [.applied])
            #expect(second.results.map(\.outcome) == [.applied])
            #expect(first.results.first?.resource == second.results.first?.resource, "the same instance, answered again")
            #expect(proxy.launches == 1)
            #expect(try await world.live().count == 1)
        }
    }

    @Test func aBastionTerminatedByHandIsRelaunchedWithTheNextTokenGeneration() async throws {
        try await W.with(idempotentLaunches: true) { world in
            let proxy = try #require(world.idempotency)
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let gone = try #require(try await world.live().first)
            try await world.terminateByHand(gone.id)

            try await world.moto.startRecording()
            let (plans, results, _) = try await world.pass([desired])
            let recording = try await world.moto.downloadRecording()
            try await world.moto.stopRecording()
            let token = try #require(plans.first?.launch?.token)
            #expect(results.map(\.outcome) == [.applied])
            // Generation 0 was answered by the proxy with the dead instance; generation 1 launched.
            #expect(MotoRecording.launchTokens(recording) == [token.clientToken(generation: 1)])
            #expect(proxy.replays == 1)
            #expect(proxy.launches == 2)
            let live = try await world.live()
            #expect(live.count == 1)
            #expect(live.first?.id != gone.id)

            // A re-run of that plan walks the same generations and lands on the same instance.
            _ = await world.reconciler().execute(try #require(plans.first))
            #expect(try await world.live().map(\.id) == live.map(\.id))
            #expect(proxy.launches == 2)
        }
    }

    /// moto never says `IncorrectInstanceState` (MOTO.md item 8): injected here. It means
    /// "wait and look again", not a failure.
    @Test func incorrectInstanceStateOnTerminateIsAWaitNotAFailure() async throws {
        try await W.with(idempotentLaunches: true) { world in
            let proxy = try #require(world.idempotency)
            let desired = try world.create(world.running())
            try await world.pass([desired])
            let instance = try #require(try await world.live().first)
            let destroyed = try world.destroy(desired)

            proxy.failNext("TerminateInstances", code: "IncorrectInstanceState")
            let (_, results, waits) = try await world.pass([destroyed])
            #expect(results.map(\.outcome) == [.deferred])
            #expect(results.first?.message?.contains("IncorrectInstanceState") == true)
            #expect(waits.map(\.instanceID) == [instance.id])
            #expect(try await world.live().map(\.id) == [instance.id])

            let next = try await world.pass([destroyed])
            #expect(next.results.map(\.outcome) == [.applied])
            #expect(next.waits.isEmpty)
            #expect(try await world.live().isEmpty)
        }
    }
}
