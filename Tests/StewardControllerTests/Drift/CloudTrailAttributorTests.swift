import CloudTrailEmulator
import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardTestSupport
import Testing

/// "Who did it" against the CloudTrail emulator, through Steward's real AWS client. The
/// emulator, the rate limiter and the attributor share one hand-moved clock, so waits cost no
/// real time and the emulator's throttle sees the same seconds the limiter counted.
@Suite("CloudTrail attribution")
struct CloudTrailAttributorTests {
    @Test("the actor is named the way a person knows them", arguments: AttributionIdentityCase.all)
    func actorName(_ example: AttributionIdentityCase) async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            let time = clock.date.addingTimeInterval(-600)
            world.emulator.seed(EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0abc", at: time, by: example.identity))
            let result = await world.attributor(clock: clock).attribute(.ruleAdded(groupID: "sg-0abc"))
            let actor = try #require(result.actor, "\(result)")
            #expect(actor.name == example.name)
            #expect(actor.kind == example.kind)
            #expect(actor.arn == example.arn)
            #expect(actor.eventName == "AuthorizeSecurityGroupIngress")
            #expect(abs(actor.eventTime.timeIntervalSince(time)) < 0.001)
        }
    }

    @Test("the newest event among the calls that cause the finding wins; reads and other calls don't count")
    func newestMatchingEvent() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            let now = clock.date
            world.emulator.seed([
                EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0abc", at: now.addingTimeInterval(-3 * 3600), by: .iamUser("alice")),
                EmulatedEvent("RevokeSecurityGroupIngress", on: "sg-0abc", at: now.addingTimeInterval(-1800), by: .iamUser("carol")),
                EmulatedEvent("DescribeSecurityGroups", on: "sg-0abc", at: now.addingTimeInterval(-60), by: .iamUser("bob"), readOnly: true),
                EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0other", at: now.addingTimeInterval(-30), by: .iamUser("dave")),
            ])
            let attributor = world.attributor(clock: clock)
            #expect(await attributor.attribute(.ruleAdded(groupID: "sg-0abc")).actor?.name == "alice")
            #expect(await attributor.attribute(AttributionRequest(resourceName: "sg-0abc")).actor?.name == "carol", "with no names given, the newest call that changed something")
            #expect(await attributor.attribute(.instanceStarted(instanceID: "i-0none")) == .notFound)
        }
    }

    @Test("a second lookup of the same resource makes no call until the cache entry expires, 'not found' included")
    func cache() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            world.emulator.seed(EmulatedEvent("StartDBInstance", on: "dev-db", type: "AWS::RDS::DBInstance", at: clock.date.addingTimeInterval(-60), by: .assumedRole("Admin", session: "jane.doe"), source: "rds.amazonaws.com"))
            let attributor = world.attributor(clock: clock, settings: AttributionSettings(cacheTTL: .minutes(15)))
            let first = await attributor.attribute(.databaseStarted(identifier: "dev-db"))
            #expect(first.actor?.name == "jane.doe")
            #expect(await attributor.attribute(.databaseStarted(identifier: "dev-db")) == first)
            #expect(await attributor.attribute(.instanceStarted(instanceID: "i-0none")) == .notFound)
            #expect(await attributor.attribute(.instanceStarted(instanceID: "i-0none")) == .notFound)
            #expect(world.emulator.lookupRequests.count == 2, "one call per resource")

            clock.advance(.seconds(16 * 60))
            #expect(await attributor.attribute(.databaseStarted(identifier: "dev-db")).actor?.name == "jane.doe")
            #expect(world.emulator.lookupRequests.count == 3, "an expired entry is looked up again")
        }
    }

    @Test("AccessDenied gives .unavailable naming the permission, and no further calls for the pause")
    func accessDenied() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            world.emulator.seed(EmulatedEvent("RunInstances", on: "i-0abc", type: "AWS::EC2::Instance", at: clock.date.addingTimeInterval(-60), by: .iamUser("alice")))
            world.emulator.setAccessDenied(true)
            let attributor = world.attributor(clock: clock, settings: AttributionSettings(deniedPause: .hours(1)))

            let first = await attributor.attribute(.instanceStarted(instanceID: "i-0abc"))
            let reason = try #require(first.unavailableReason, "\(first)")
            #expect(reason.contains("cloudtrail:LookupEvents"), "says what to grant: \(reason)")
            #expect(reason.contains("i-0abc"), "says for what: \(reason)")
            #expect(world.emulator.lookupRequests.count == 1)

            let pass = await attributor.attribute([.ruleAdded(groupID: "sg-1"), .serviceScaled(service: "api"), .databaseStarted(identifier: "dev-db")])
            #expect(pass.count == 3)
            #expect(pass.values.allSatisfy { $0.unavailableReason?.contains("paused") == true }, "\(pass)")
            clock.advance(.seconds(59 * 60))
            let stillPaused = await attributor.attribute(.instanceStarted(instanceID: "i-0abc"))
            #expect(stillPaused.actor == nil, "still paused after 59 minutes: \(stillPaused)")
            #expect(world.emulator.lookupRequests.count == 1, "no call while paused")

            world.emulator.setAccessDenied(false)
            clock.advance(.seconds(2 * 60))
            #expect(await attributor.attribute(.instanceStarted(instanceID: "i-0abc")).actor?.name == "alice", "looks again after the pause")
            #expect(world.emulator.lookupRequests.count == 2)
        }
    }

    @Test("throttled past the client's retries gives .unavailable; the retries were paced too")
    func throttledPastRetries() async throws {
        let clock = TestClock()
        let retries = AWSRetryPolicy(maxAttempts: 3, sleep: { _ in }, random: { 0 })
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }, retryPolicy: retries) { world in
            world.emulator.setThrottlingEverything(true)
            let attributor = world.attributor(clock: clock, settings: AttributionSettings(failurePause: .minutes(1)))
            let result = await attributor.attribute(.ruleAdded(groupID: "sg-0abc"))
            let reason = try #require(result.unavailableReason, "\(result)")
            #expect(reason.contains("throttled"), "\(reason)")
            #expect(world.emulator.lookupRequests.count == 3, "every attempt reached CloudTrail")
            #expect(world.emulator.mostLookups(within: .seconds(1)) <= 2, "retries waited for the limiter")
            _ = await attributor.attribute(.ruleAdded(groupID: "sg-0def"))
            #expect(world.emulator.lookupRequests.count == 3, "paused after the failure")
        }
    }

    @Test("an unreachable CloudTrail gives .unavailable, never an error")
    func unreachable() async throws {
        let dead = try FreePort.reserve()
        defer { dead.release() }
        let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .milliseconds(500)))
        let result: AttributionResult
        do {
            let client = try AWSClient.fromEnvironment([
                "AWS_ENDPOINT_URL_CLOUDTRAIL": "http://127.0.0.1:\(dead.port)", "AWS_REGION": "us-east-1",
                "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_CONFIG_FILE": "/dev/null", "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
            ], transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: 1))
            let clock = TestClock()
            let attributor = CloudTrailAttributor(client: client, steward: StewardIdentity(callerARN: CloudTrailWorld.stewardCaller),
                                                  limiter: LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) }), now: { clock.date })
            result = await attributor.attribute(.ruleAdded(groupID: "sg-0abc"))
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
        let reason = try #require(result.unavailableReason, "\(result)")
        #expect(reason.contains("sg-0abc") && reason.contains("failed"), "\(reason)")
    }

    @Test("one pass starts at most maxLookupsPerPass lookups; cached answers are free and the rest say not looked up")
    func perPassBound() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            let time = clock.date.addingTimeInterval(-60)
            world.emulator.seed(["sg-cached", "sg-a", "sg-b", "sg-c"].map { EmulatedEvent("AuthorizeSecurityGroupIngress", on: $0, at: time, by: .iamUser("alice")) })
            let attributor = world.attributor(clock: clock, settings: AttributionSettings(maxLookupsPerPass: 2))
            _ = await attributor.attribute(.ruleAdded(groupID: "sg-cached"))

            let requests: [AttributionRequest] = ["sg-cached", "sg-a", "sg-b", "sg-c", "sg-a"].map { .ruleAdded(groupID: $0) }
            let pass = await attributor.attribute(requests)
            #expect(pass.count == 4)
            #expect(pass[.ruleAdded(groupID: "sg-cached")]?.actor?.name == "alice")
            #expect(pass[.ruleAdded(groupID: "sg-a")]?.actor?.name == "alice")
            #expect(pass[.ruleAdded(groupID: "sg-b")]?.actor?.name == "alice")
            #expect(pass[.ruleAdded(groupID: "sg-c")] == .notLookedUp)
            #expect(world.emulator.lookupRequests.count == 3)

            #expect(await attributor.attribute(requests)[.ruleAdded(groupID: "sg-c")]?.actor?.name == "alice", "the next pass gets to it")
        }
    }
}
