import Foundation
@testable import StewardAWS
import Testing

@Suite("Retries (standard mode)")
struct RetryTests {
    static let okXML = "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/x</Arn><UserId>U</UserId><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"

    @Test func serverErrorsAreRetriedWithBackoffThenSucceed() async throws {
        let transport = FakeTransport { _, index in
            index < 2 ? FakeTransport.xml("<Response><Errors><Error><Code>InternalError</Code></Error></Errors></Response>", status: 503) : FakeTransport.xml(Self.okXML)
        }
        let sleeps = SleepLog()
        let quota = AWSRetryQuota()
        let sts = STSClient(client: fakeClient(transport, retryPolicy: instantRetryPolicy(sleeps: sleeps), quota: quota))
        #expect(try await sts.getCallerIdentity().account == "1")
        #expect(transport.requests.count == 3)
        // Full jitter at 0.5 of 100 ms, then of 200 ms.
        #expect(sleeps.durations == [.milliseconds(50), .milliseconds(100)])
        // Two retries cost 10; success refunds the last retry's 5.
        #expect(quota.available == 495)
    }

    @Test("throttling codes are retried", arguments: ["Throttling", "ThrottlingException", "RequestLimitExceeded", "RequestThrottled", "TooManyRequestsException", "ProvisionedThroughputExceededException", "SlowDown"])
    func throttling(_ code: String) async throws {
        let transport = FakeTransport { _, index in
            index == 0 ? FakeTransport.json(#"{"__type":"\#(code)","message":"slow down"}"#, status: 400) : FakeTransport.json(#"{"SecretString":"v","Name":"n"}"#)
        }
        let secrets = SecretsManagerClient(client: fakeClient(transport, retryPolicy: instantRetryPolicy()))
        #expect(try await secrets.getSecretValue(secretID: "n").secretString == "v")
        #expect(transport.requests.count == 2)
    }

    @Test func nonRetryableErrorsSurfaceAfterOneAttempt() async throws {
        let transport = FakeTransport { _, _ in
            FakeTransport.xml("<Response><Errors><Error><Code>InvalidPermission.Duplicate</Code><Message>dup</Message></Error></Errors><RequestID>r</RequestID></Response>", status: 400)
        }
        let ec2 = EC2Client(client: fakeClient(transport, retryPolicy: instantRetryPolicy(maxAttempts: 5)))
        let error = try await #require(throws: AWSError.self) {
            try await ec2.authorizeSecurityGroupIngress(groupID: "sg-1", permissions: [EC2IPPermission(ipProtocol: "tcp", fromPort: 1, toPort: 1, ipv4Ranges: [EC2IPRange(cidr: "10.0.0.0/8")])])
        }
        #expect(error.code == "InvalidPermission.Duplicate")
        #expect(transport.requests.count == 1)
    }

    @Test func attemptsAreCappedAndTheLastErrorSurfaces() async throws {
        let transport = FakeTransport { _, _ in FakeTransport.json(#"{"__type":"ThrottlingException"}"#, status: 400) }
        let client = fakeClient(transport, retryPolicy: instantRetryPolicy(maxAttempts: 4))
        let error = try await #require(throws: AWSError.self) { try await SecretsManagerClient(client: client).getSecretValue(secretID: "x") }
        #expect(error.code == "ThrottlingException")
        #expect(transport.requests.count == 4)
    }

    @Test func transportTimeoutsAndResetsAreRetriedAndCostMore() async throws {
        let transport = FakeTransport { request, index in
            switch index {
            case 0: throw AWSTransportError(kind: .timeout, endpoint: request.endpoint.url, detail: "read timeout")
            case 1: throw AWSTransportError(kind: .connectionFailed, endpoint: request.endpoint.url, detail: "connection reset by peer")
            default: return FakeTransport.xml(Self.okXML)
            }
        }
        let quota = AWSRetryQuota()
        let client = fakeClient(transport, retryPolicy: instantRetryPolicy(), quota: quota)
        _ = try await STSClient(client: client).getCallerIdentity()
        #expect(transport.requests.count == 3)
        #expect(quota.available == 500 - 10 - 5 + 5)
    }

    @Test func retryQuotaStopsRetriesDuringAnOutage() async throws {
        let transport = FakeTransport { _, _ in FakeTransport.xml("<Response/>", status: 503) }
        let quota = AWSRetryQuota(capacity: 12)
        let client = fakeClient(transport, retryPolicy: instantRetryPolicy(maxAttempts: 3), quota: quota)
        let sts = STSClient(client: client)
        // First call: 2 retries (10 tokens). Second call: the bucket holds 2, so no retry.
        await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
        #expect(transport.requests.count == 3)
        await #expect(throws: AWSError.self) { try await sts.getCallerIdentity() }
        #expect(transport.requests.count == 4)
        #expect(quota.available == 2)
    }

    @Test func backoffIsCappedExponentialWithFullJitter() {
        let policy = AWSRetryPolicy(baseDelay: .milliseconds(100), maxBackoff: .seconds(20), random: { 1.0 })
        #expect(policy.backoff(beforeRetry: 1) == .milliseconds(100))
        #expect(policy.backoff(beforeRetry: 4) == .milliseconds(800))
        #expect(policy.backoff(beforeRetry: 20) == .seconds(20))
        let none = AWSRetryPolicy(random: { 0 })
        #expect(none.backoff(beforeRetry: 3) == .zero)
    }

    @Test func clientTokenAndBodyAreIdenticalAcrossRetriesButEachAttemptIsResigned() async throws {
        let transport = FakeTransport { _, index in
            index < 2 ? FakeTransport.xml("<Response><Errors><Error><Code>RequestLimitExceeded</Code></Error></Errors></Response>", status: 503)
                : FakeTransport.xml("<RunInstancesResponse><instancesSet><item><instanceId>i-1</instanceId><instanceState><name>pending</name></instanceState></item></instancesSet></RunInstancesResponse>")
        }
        let ec2 = EC2Client(client: fakeClient(transport, retryPolicy: instantRetryPolicy()))
        let instances = try await ec2.runInstances(launchTemplate: .name("dev-bastion"), tags: [AWSTag(key: "Environment", value: "dev")])
        #expect(instances.map(\.instanceID) == ["i-1"])
        let tokens = transport.requests.compactMap { $0.formItems["ClientToken"] }
        #expect(tokens.count == 3)
        #expect(Set(tokens).count == 1)
        #expect(Set(transport.requests.map(\.body)).count == 1)
        #expect(transport.requests.allSatisfy { $0.headers.value(for: "Authorization") != nil })
    }
}
