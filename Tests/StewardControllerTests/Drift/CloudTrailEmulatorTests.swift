import CloudTrailEmulator
import Foundation
import StewardAWS
import Testing

/// The emulator holds callers to LookupEvents' rules the way the API reference states them,
/// so that tests passing against it mean something for the real API.
@Suite("CloudTrail emulator")
struct CloudTrailEmulatorTests {
    static let attribute = #"{"AttributeKey":"ResourceName","AttributeValue":"sg-0abc"}"#

    @Test("exactly one lookup attribute: none or two is InvalidLookupAttributesException, as is an undocumented key")
    func oneAttributeRule() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.tick(.seconds(1)) }) { world in
            let bodies = [
                #"{"LookupAttributes":[]}"#,
                #"{"LookupAttributes":[\#(Self.attribute),{"AttributeKey":"EventName","AttributeValue":"RunInstances"}]}"#,
                #"{"LookupAttributes":[{"AttributeKey":"Region","AttributeValue":"us-east-1"}]}"#,
                #"{"LookupAttributes":[{"AttributeKey":"ResourceName"}]}"#,
            ]
            for body in bodies {
                let reply = try await RawCloudTrailCall(body: body).send(to: world.emulator, through: world.transport)
                #expect(reply.status == 400, "\(body)")
                #expect(reply.errorType == "InvalidLookupAttributesException", "\(body)")
                #expect((reply.json["message"] as? String)?.isEmpty == false, "JSON 1.1 errors carry a message")
            }
            let one = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)]}"#).send(to: world.emulator, through: world.transport)
            #expect(one.status == 200)
            // The reference: "All attributes are optional" — leaving the list out is a lookup
            // over every event; only a list that is there must hold exactly one.
            let omitted = try await RawCloudTrailCall(body: "{}").send(to: world.emulator, through: world.transport)
            #expect(omitted.status == 200)
        }
    }

    @Test("MaxResults is 1…50: 51 and 0 are InvalidMaxResultsException")
    func pageSizeBounds() async throws {
        // Each request a second after the last: this test is about page sizes, not the throttle.
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.tick(.seconds(1)) }) { world in
            for size in [51, 0] {
                let reply = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"MaxResults":\#(size)}"#).send(to: world.emulator, through: world.transport)
                #expect(reply.status == 400)
                #expect(reply.errorType == "InvalidMaxResultsException", "MaxResults \(size)")
            }
            let fifty = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"MaxResults":50}"#).send(to: world.emulator, through: world.transport)
            #expect(fifty.status == 200)
        }
    }

    @Test("a third request within a second is ThrottlingException (HTTP 400, JSON 1.1 error shape); a second later it passes")
    func throttle() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.instant }) { world in
            let call = RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)]}"#)
            #expect(try await call.send(to: world.emulator, through: world.transport).status == 200)
            #expect(try await call.send(to: world.emulator, through: world.transport).status == 200)
            let third = try await call.send(to: world.emulator, through: world.transport)
            #expect(third.status == 400)
            #expect(third.errorType == "ThrottlingException")
            #expect(Set(third.json.keys) == ["__type", "message"])
            clock.advance(.milliseconds(999))
            #expect(try await call.send(to: world.emulator, through: world.transport).errorType == "ThrottlingException", "the window is a full second")
            clock.advance(.milliseconds(1))
            #expect(try await call.send(to: world.emulator, through: world.transport).status == 200)
            #expect(world.emulator.lookupRequests.map(\.errorType) == [nil, nil, "ThrottlingException", "ThrottlingException", nil])
        }
    }

    @Test("the envelope is checked: POST, the exact X-Amz-Target, JSON 1.1 content type, a SigV4 header scoped to cloudtrail")
    func envelope() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.tick(.seconds(1)) }) { world in
            let good = RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)]}"#)
            var cases: [(RawCloudTrailCall, String)] = []
            var call = good
            call.method = "GET"
            cases.append((call, "UnknownOperationException"))
            call = good
            call.target = "CloudTrail_20131101.LookupEvents"
            cases.append((call, "UnknownOperationException"))
            call = good
            call.contentType = "application/json"
            cases.append((call, "SerializationException"))
            call = good
            call.authorization = nil
            cases.append((call, "MissingAuthenticationTokenException"))
            call = good
            call.authorization = "Bearer abc"
            cases.append((call, "IncompleteSignatureException"))
            call = good
            call.authorization = RawCloudTrailCall.authorization.replacingOccurrences(of: "/cloudtrail/", with: "/ec2/")
            cases.append((call, "InvalidSignatureException"))
            call = good
            call.body = #"{"LookupAttributes":[\#(Self.attribute)],"StartTime":"yesterday"}"#
            cases.append((call, "SerializationException"))
            for (call, expected) in cases {
                let reply = try await call.send(to: world.emulator, through: world.transport)
                #expect(reply.status >= 400, "\(expected)")
                #expect(reply.errorType == expected)
            }
            #expect(try await good.send(to: world.emulator, through: world.transport).status == 200)
        }
    }

    @Test("StartTime after EndTime is InvalidTimeRangeException; an unknown or re-parameterised NextToken is InvalidNextTokenException")
    func timeRangeAndTokens() async throws {
        let clock = TestClock()
        try await CloudTrailWorld.with(emulatorClock: { clock.tick(.seconds(1)) }) { world in
            let now = Date()
            world.emulator.seed((0..<3).map { EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0abc", at: now.addingTimeInterval(Double(-$0)), by: .iamUser("alice")) })
            let range = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"StartTime":2000,"EndTime":1000}"#).send(to: world.emulator, through: world.transport)
            #expect(range.errorType == "InvalidTimeRangeException")

            let unknown = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"NextToken":"made-up"}"#).send(to: world.emulator, through: world.transport)
            #expect(unknown.errorType == "InvalidNextTokenException")

            let first = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"MaxResults":2}"#).send(to: world.emulator, through: world.transport)
            let token = try #require(first.nextToken)
            #expect(first.eventCount == 2)
            let other = try await RawCloudTrailCall(body: #"{"LookupAttributes":[{"AttributeKey":"Username","AttributeValue":"alice"}],"MaxResults":2,"NextToken":"\#(token)"}"#).send(to: world.emulator, through: world.transport)
            #expect(other.errorType == "InvalidNextTokenException", "a token belongs to the parameters it was issued for")
            let second = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)],"MaxResults":2,"NextToken":"\#(token)"}"#).send(to: world.emulator, through: world.transport)
            #expect(second.eventCount == 1)
            #expect(second.nextToken == nil, "the last page has no token")
        }
    }

    @Test("the permission switch answers AccessDeniedException (HTTP 400) naming the action")
    func accessDenied() async throws {
        try await CloudTrailWorld.with { world in
            world.emulator.setAccessDenied(true)
            let reply = try await RawCloudTrailCall(body: #"{"LookupAttributes":[\#(Self.attribute)]}"#).send(to: world.emulator, through: world.transport)
            #expect(reply.status == 400)
            #expect(reply.errorType == "AccessDeniedException")
            #expect((reply.json["message"] as? String)?.contains("cloudtrail:LookupEvents") == true)
        }
    }
}
