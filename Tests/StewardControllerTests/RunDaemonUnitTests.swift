import Foundation
import StewardAWS
@testable import StewardController
import StewardCore
import Testing

/// The loop's timing rules, its doorbell and the AWS-call naming, without processes.
@Suite struct RunDaemonUnitTests {
    let now = Date(timeIntervalSince1970: 1_795_773_600)

    @Test func sleepsTheIntervalWithinJitterWhenNothingExpires() {
        let schedule = LoopSchedule(interval: .seconds(60))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 0) == .seconds(54))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 0.5) == .seconds(60))
        #expect(schedule.delay(now: now, nextExpiry: nil, unit: 1) == .seconds(66))
    }

    @Test func wakesJustAfterTheNextExpiryWhenItComesFirst() {
        let schedule = LoopSchedule(interval: .seconds(60), expiryMargin: .milliseconds(50))
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(3), unit: 1) == .milliseconds(3050))
        // An expiry beyond the interval doesn't stretch it.
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(600), unit: 0.5) == .seconds(60))
        // One already past (clock skew, a slow pass) means "now", never a negative sleep.
        #expect(schedule.delay(now: now, nextExpiry: now.addingTimeInterval(-5), unit: 0.5) == .zero)
    }

    @Test func wakeSignalCoalescesBurstsAndReleasesAWaiter() async {
        let signal = WakeSignal()
        signal.ring()
        signal.ring()
        signal.ring()
        await signal.wait() // already pending: returns at once
        #expect(signal.consume())
        #expect(!signal.consume())

        let waiter = Task { await signal.wait() }
        signal.ring()
        await waiter.value
        #expect(signal.consume())
    }

    @Test func wakeSignalWaitReturnsWhenCancelled() async {
        let signal = WakeSignal()
        let waiter = Task { await signal.wait() }
        waiter.cancel()
        await waiter.value
        #expect(!signal.consume())
    }

    @Test func namesQueryAndJSONCallsFromTheSignedRequest() throws {
        let endpoint = try #require(AWSEndpoint(url: "http://127.0.0.1:5000"))
        let authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=abc"
        let query = AWSHTTPRequest(method: "POST", endpoint: endpoint, headers: AWSHTTPHeaders([("Authorization", authorization)]),
                                   body: Array("Action=AuthorizeSecurityGroupIngress&Version=2016-11-15&GroupId=sg-1".utf8))
        #expect(AWSOperationName(request: query) == AWSOperationName(service: "ec2", operation: "AuthorizeSecurityGroupIngress"))

        let json = AWSHTTPRequest(method: "POST", endpoint: endpoint, headers: AWSHTTPHeaders([
            ("Authorization", authorization.replacingOccurrences(of: "/ec2/", with: "/dynamodb/")),
            ("X-Amz-Target", "DynamoDB_20120810.GetItem"),
        ]))
        #expect(AWSOperationName(request: json) == AWSOperationName(service: "dynamodb", operation: "GetItem"))
        #expect(AWSCallCountingTransport.outcome(status: 200) == "success")
        #expect(AWSCallCountingTransport.outcome(status: 400) == "client_error")
        #expect(AWSCallCountingTransport.outcome(status: 503) == "server_error")
    }
}
