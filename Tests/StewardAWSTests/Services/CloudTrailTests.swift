import CloudTrailEmulator
import Foundation
import StewardAWS
import StewardTestSupport
import Testing

/// CloudTrailClient through Steward's real AWSClient — SigV4 with test/test, the endpoint from
/// `AWS_ENDPOINT_URL_CLOUDTRAIL` — against the CloudTrail emulator (moto has no LookupEvents).
@Suite("CloudTrail LookupEvents")
struct CloudTrailTests {
    /// Runs `body` with an emulator whose arrivals are a second apart (so paging is never
    /// throttled) and a client for it; stops both however `body` ends.
    static func withEmulator(_ body: (CloudTrailEmulator, CloudTrailClient) async throws -> Void) async throws {
        let clock = TickingClock(step: .seconds(1))
        try await CloudTrailEmulator.with(now: { clock.tick() }) { emulator in
            let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .seconds(2)))
            do {
                let client = try AWSClient.fromEnvironment(emulator.clientEnvironment, transport: transport, retryPolicy: AWSRetryPolicy(maxAttempts: 1))
                try await body(emulator, CloudTrailClient(client: client))
            } catch {
                try? await transport.shutdown()
                throw error
            }
            try await transport.shutdown()
        }
    }

    @Test("an event decodes with its record's userIdentity; the request was signed for cloudtrail")
    func lookupDecodesAnAssumedRoleEvent() async throws {
        try await Self.withEmulator { emulator, cloudTrail in
            let time = Date(timeIntervalSince1970: 1_763_632_800)
            emulator.seed(EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0abc", at: time, by: .assumedRole("Admin", session: "jane.doe")))
            let page = try await cloudTrail.lookupEvents(attribute: .resourceName("sg-0abc"), startTime: time.addingTimeInterval(-60), endTime: time.addingTimeInterval(60))
            let event = try #require(page.events.first)
            #expect(page.events.count == 1)
            #expect(page.nextToken == nil)
            #expect(event.eventName == "AuthorizeSecurityGroupIngress")
            #expect(event.eventTime == time)
            #expect(event.username == "jane.doe")
            #expect(event.readOnly == false)
            #expect(event.eventSource == "ec2.amazonaws.com")
            #expect(event.resources == [CloudTrailEventResource(type: "AWS::EC2::SecurityGroup", name: "sg-0abc")])
            let identity = try #require(event.userIdentity)
            #expect(identity.type == "AssumedRole")
            #expect(identity.arn == "arn:aws:sts::123456789012:assumed-role/Admin/jane.doe")
            #expect(identity.principalID?.hasSuffix(":jane.doe") == true)
            #expect(identity.sessionIssuer?.userName == "Admin")
            #expect(identity.sessionIssuer?.arn == "arn:aws:iam::123456789012:role/Admin")

            let sent = try #require(emulator.lookupRequests.first)
            #expect(sent.status == 200, "the emulator accepted the target, content type and SigV4 header")
            let body = try #require(try JSONSerialization.jsonObject(with: Data(sent.body.utf8)) as? [String: Any])
            #expect((body["LookupAttributes"] as? [[String: String]]) == [["AttributeKey": "ResourceName", "AttributeValue": "sg-0abc"]])
            #expect(body["StartTime"] as? Double == time.timeIntervalSince1970 - 60, "timestamps go as epoch seconds")
        }
    }

    @Test("120 events with MaxResults 50 come back whole, newest first, in three pages")
    func pagingAcross120Events() async throws {
        try await Self.withEmulator { emulator, cloudTrail in
            let start = Date(timeIntervalSince1970: 1_763_600_000)
            emulator.seed((0..<120).map { EmulatedEvent("ModifySecurityGroupRules", on: "sg-0page", at: start.addingTimeInterval(Double($0)), by: .iamUser("alice")) })
            let events = try await cloudTrail.lookupAllEvents(attribute: .resourceName("sg-0page"), pageSize: 50)
            #expect(events.count == 120)
            #expect(Set(events.map(\.eventID)).count == 120)
            let times = events.compactMap(\.eventTime)
            #expect(times == times.sorted(by: >), "newest first")
            #expect(emulator.lookupRequests.map(\.eventCount) == [50, 50, 20])
        }
    }

    @Test("newestEvent reads pages only until a wanted event appears, and no further than maxPages")
    func newestEventStopsEarly() async throws {
        try await Self.withEmulator { emulator, cloudTrail in
            let start = Date(timeIntervalSince1970: 1_763_600_000)
            emulator.seed(EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0deep", at: start, by: .iamUser("alice")))
            emulator.seed((1...60).map { EmulatedEvent("DescribeSecurityGroups", on: "sg-0deep", at: start.addingTimeInterval(Double($0)), by: .iamUser("bob"), readOnly: true) })
            let notDeepEnough = try await cloudTrail.newestEvent(attribute: .resourceName("sg-0deep"), pageSize: 50, maxPages: 1) { $0.readOnly == false }
            #expect(notDeepEnough == nil)
            #expect(emulator.lookupRequests.count == 1)
            let found = try await cloudTrail.newestEvent(attribute: .resourceName("sg-0deep"), pageSize: 50, maxPages: 3) { $0.readOnly == false }
            #expect(found?.username == "alice")
            #expect(emulator.lookupRequests.count == 3, "page two held it; page three was never asked for")
        }
    }

    @Test("MaxResults outside 1…50 and an inverted time range are refused before anything is sent")
    func invalidInputNeverLeaves() async throws {
        let transport = FakeTransport { _, _ in FakeTransport.json(#"{"Events":[]}"#) }
        let cloudTrail = CloudTrailClient(client: fakeClient(transport))
        let tooMany = try await #require(throws: AWSClientError.self) {
            try await cloudTrail.lookupEvents(attribute: .resourceName("sg-1"), maxResults: 51)
        }
        #expect(tooMany.kind == .invalidRequest)
        let now = Date()
        let inverted = try await #require(throws: AWSClientError.self) {
            try await cloudTrail.lookupEvents(attribute: .resourceName("sg-1"), startTime: now, endTime: now.addingTimeInterval(-1))
        }
        #expect(inverted.kind == .invalidRequest)
        #expect(transport.requests.isEmpty)
    }

    @Test("a repeated NextToken stops paging instead of looping")
    func repeatedTokenStops() async throws {
        let transport = FakeTransport { _, _ in FakeTransport.json(#"{"Events":[{"EventId":"e-1","EventName":"RunInstances","EventTime":1763632800}],"NextToken":"same"}"#) }
        let error = try await #require(throws: AWSClientError.self) {
            try await CloudTrailClient(client: fakeClient(transport)).lookupAllEvents(attribute: .resourceName("i-1"))
        }
        #expect(error.kind == .pagingAborted)
        #expect(transport.requests.count == 2)
        #expect(transport.requests.first?.headers.value(for: "x-amz-target") == "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents")
        #expect(transport.requests.first?.headers.value(for: "content-type") == "application/x-amz-json-1.1")
    }

    @Test("a record that isn't JSON costs the event its identity, not the page")
    func unreadableRecord() async throws {
        let transport = FakeTransport { _, _ in
            FakeTransport.json(#"{"Events":[{"EventId":"e-1","EventName":"RunInstances","EventTime":1763632800,"Username":"alice","ReadOnly":"false","CloudTrailEvent":"{not json"}]}"#)
        }
        let page = try await CloudTrailClient(client: fakeClient(transport)).lookupEvents(attribute: .resourceName("i-1"))
        #expect(page.events.first?.username == "alice")
        #expect(page.events.first?.userIdentity == nil)
        #expect(page.events.first?.readOnly == false)
    }
}
