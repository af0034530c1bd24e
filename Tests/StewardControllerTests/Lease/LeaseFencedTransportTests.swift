import Foundation
import StewardAWS
import StewardController
import StewardCore
import Synchronization
import Testing

/// The fence under the controller's AWS client: which calls it holds back, and the timeout a
/// call it lets through may use. A settable clock stands in for the monotonic one.
@Suite struct LeaseFencedTransportTests {
    static let timing = LeaseTiming(leaseDuration: .seconds(3), renewEvery: .milliseconds(500), renewDeadline: .seconds(2))

    /// Records the timeout each request was sent with; answers 200.
    final class Recorder: AWSHTTPTransport, Sendable {
        let sent = Mutex<[(String, Duration)]>([])
        func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
            sent.withLock { $0.append((request.operation?.description ?? "?", timeout)) }
            return AWSHTTPResponse(status: 200)
        }
    }

    final class Clock: Sendable {
        let value = Mutex(Duration.seconds(100))
        func now() -> Duration { value.withLock { $0 } }
        func set(_ duration: Duration) { value.withLock { $0 = duration } }
    }

    static func request(_ service: String, _ name: String) -> AWSHTTPRequest {
        AWSHTTPRequest(method: "POST", endpoint: AWSEndpoint(scheme: "http", host: "127.0.0.1"), operation: AWSOperation(service: service, name: name))
    }

    static func world() -> (LeaseFence, Recorder, LeaseFencedTransport, Clock) {
        let clock = Clock()
        let fence = LeaseFence(identity: "a", timing: timing, now: { clock.now() })
        let recorder = Recorder()
        return (fence, recorder, LeaseFencedTransport(wrapping: recorder, fence: fence), clock)
    }

    @Test(arguments: [
        ("ec2", "AuthorizeSecurityGroupIngress", true), ("ec2", "RunInstances", true), ("ec2", "CreateTags", true),
        ("ec2", "DescribeSecurityGroupRules", false), ("ec2", "GetManagedPrefixListEntries", false),
        ("ecs", "UpdateService", true), ("ecs", "ListTagsForResource", false), ("rds", "StopDBInstance", true),
        ("application-autoscaling", "RegisterScalableTarget", true), ("dynamodb", "PutItem", false),
        ("sts", "AssumeRoleWithWebIdentity", false), ("cloudtrail", "LookupEvents", false),
    ])
    func onlyWritesToTheEstateAreFenced(service: String, name: String, fenced: Bool) {
        #expect(LeaseFencedTransport.isMutating(AWSOperation(service: service, name: name)) == fenced)
    }

    @Test func aStandbySendsReadsButNoWrite() async throws {
        let (fence, recorder, transport, _) = Self.world()
        fence.update(LeaseFence.Snapshot(leading: false, holder: "b", epoch: 4, deadline: nil, known: true))
        _ = try await transport.send(Self.request("ec2", "DescribeSecurityGroups"), timeout: .seconds(30))
        await #expect(throws: LeaseError.self) {
            _ = try await transport.send(Self.request("ec2", "AuthorizeSecurityGroupIngress"), timeout: .seconds(30))
        }
        #expect(recorder.sent.withLock { $0.map(\.0) } == ["ec2:DescribeSecurityGroups"])
    }

    @Test func aWriteGetsAtMostTheRoomLeftAndNoneAfterTheDeadline() async throws {
        let (fence, recorder, transport, clock) = Self.world()
        fence.update(LeaseFence.Snapshot(leading: true, holder: "a", epoch: 1, deadline: .seconds(102), known: true))
        _ = try await transport.send(Self.request("ec2", "RevokeSecurityGroupIngress"), timeout: .seconds(30))
        clock.set(.milliseconds(101_200))
        _ = try await transport.send(Self.request("ec2", "RevokeSecurityGroupIngress"), timeout: .milliseconds(200))
        #expect(recorder.sent.withLock { $0.map(\.1) } == [.seconds(2), .milliseconds(200)])
        // At the deadline the fence is shut, though nobody told it: time alone closes it.
        clock.set(.seconds(102))
        await #expect(throws: LeaseError.self) {
            _ = try await transport.send(Self.request("ec2", "RevokeSecurityGroupIngress"), timeout: .seconds(30))
        }
        #expect(recorder.sent.withLock { $0.count } == 2)
    }

    @Test func aWriteThatWouldNotFitWaitsForTheRenewal() async throws {
        let (fence, recorder, transport, clock) = Self.world()
        // 0.7 s left; the least useful room is (2 s − 0.5 s) / 2 = 0.75 s.
        fence.update(LeaseFence.Snapshot(leading: true, holder: "a", epoch: 1, deadline: .milliseconds(100_700), known: true))
        let call = Task { try await transport.send(Self.request("ecs", "UpdateService"), timeout: .seconds(30)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(recorder.sent.withLock { $0.isEmpty }, "sent with too little room")
        fence.update(LeaseFence.Snapshot(leading: true, holder: "a", epoch: 1, deadline: .seconds(102), known: true))
        _ = try await call.value
        #expect(recorder.sent.withLock { $0.map(\.1) } == [.seconds(2)])
        _ = clock
    }
}
