import AsyncHTTPClient
import Foundation
import NIOCore
import StewardAWS
import StewardTestSupport
import Synchronization
import Testing

/// A real HTTP path: a local responder that fails N times (503 / throttling) and then
/// proxies to moto, so retries cross real sockets and the outcome is checked in moto.
@Suite("Fault injection against moto", .moto, .serialized)
struct FaultInjectionTests {
    /// Forwards a request to moto unchanged and returns moto's answer.
    static func proxy(_ request: LocalHTTPRequest, to endpoint: String) async -> LocalHTTPResponse {
        var outgoing = HTTPClientRequest(url: endpoint + request.uri)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers where name.lowercased() != "host" {
            outgoing.headers.add(name: name, value: value)
        }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
            return LocalHTTPResponse(status: Int(response.status.code), headers: response.headers.filter { $0.name.lowercased() != "content-length" && $0.name.lowercased() != "transfer-encoding" }.map { ($0.name, $0.value) }, body: Array(body.readableBytesView))
        } catch {
            return LocalHTTPResponse(status: 599)
        }
    }

    @Test func retriedLaunchSendsOneClientTokenAndLaunchesOnce() async throws {
        let fixture = try MotoFixture.get()
        let template = uniqueName("bastion")
        _ = try await fixture.server.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        ec2.create_launch_template(LaunchTemplateName='\(template)', LaunchTemplateData={'ImageId': 'ami-12c6146b', 'InstanceType': 't3.micro'})
        """)
        let failures = Mutex(0)
        let motoEndpoint = fixture.server.endpoint
        try await LocalHTTPServer.with(handler: { request in
            let failNow = failures.withLock { count -> Bool in
                count += 1
                return count <= 2
            }
            if failNow {
                return LocalHTTPResponse(status: 503, contentType: "text/xml", text: "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors><RequestID>fault</RequestID></Response>")
            }
            return await Self.proxy(request, to: motoEndpoint)
        }) { faulty in
            let client = try fixture.client(environment: ["AWS_ENDPOINT_URL_EC2": faulty.url], retryPolicy: instantRetryPolicy())
            let ec2 = EC2Client(client: client)
            let instances = try await ec2.runInstances(launchTemplate: .name(template), tags: [AWSTag(key: "Lease", value: template)])
            #expect(instances.count == 1)

            let runRequests = faulty.requests.filter { $0.formValue("Action") == "RunInstances" }
            #expect(runRequests.count == 3)
            #expect(Set(runRequests.compactMap { $0.formValue("ClientToken") }).count == 1)
            // One keep-alive connection carried all three attempts.
            #expect(faulty.acceptedConnections == 1)
        }
        let count = try await fixture.server.boto3("""
        ec2 = boto3.client('ec2', endpoint_url=ENDPOINT)
        r = ec2.describe_instances(Filters=[{'Name': 'tag:Lease', 'Values': ['\(template)']}])
        print(sum(len(x['Instances']) for x in r['Reservations']))
        """)
        #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func throttledJSONCallIsRetriedOverHTTP() async throws {
        let fixture = try MotoFixture.get()
        let name = uniqueName("secret")
        _ = try await fixture.server.aws(["secretsmanager", "create-secret", "--name", name, "--secret-string", "hello"])
        let failures = Mutex(0)
        let motoEndpoint = fixture.server.endpoint
        try await LocalHTTPServer.with(handler: { request in
            let failNow = failures.withLock { count -> Bool in
                count += 1
                return count == 1
            }
            if failNow {
                return LocalHTTPResponse(status: 400, headers: [("Content-Type", "application/x-amz-json-1.1"), ("x-amzn-ErrorType", "ThrottlingException:")], body: Array(#"{"message":"Rate exceeded"}"#.utf8))
            }
            return await Self.proxy(request, to: motoEndpoint)
        }) { faulty in
            let client = try fixture.client(environment: ["AWS_ENDPOINT_URL_SECRETS_MANAGER": faulty.url], retryPolicy: instantRetryPolicy())
            let value = try await SecretsManagerClient(client: client).getSecretValue(secretID: name)
            #expect(value.secretString == "hello")
            #expect(faulty.requests.count == 2)
        }
    }

    @Test func slowServerTimesOutAndTheRetrySucceeds() async throws {
        let fixture = try MotoFixture.get()
        let calls = Mutex(0)
        let motoEndpoint = fixture.server.endpoint
        try await LocalHTTPServer.with(handler: { request in
            let call = calls.withLock { count -> Int in
                count += 1
                return count
            }
            if call == 1 {
                // Simulates a server that answers too late: the client's 300 ms deadline passes.
                try? await Task.sleep(for: .seconds(2))
            }
            return await Self.proxy(request, to: motoEndpoint)
        }) { slow in
            var environment = fixture.server.clientEnvironment
            environment["AWS_ENDPOINT_URL_STS"] = slow.url
            let configuration = try AWSConfiguration(environment: environment)
            let client = AWSClient(configuration: configuration, credentialProvider: EnvironmentCredentialProvider(environment: environment), transport: fixture.transport, retryPolicy: instantRetryPolicy(), timeout: .milliseconds(300))
            let identity = try await STSClient(client: client).getCallerIdentity()
            #expect(identity.account == "123456789012")
            #expect(calls.withLock { $0 } == 2)
        }
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let fixture = try MotoFixture.get()
        // A port that was free a moment ago and has no listener.
        let closed = try await LocalHTTPServer.start { _ in LocalHTTPResponse() }
        let url = closed.url
        await closed.stop()
        let client = try fixture.client(environment: ["AWS_ENDPOINT_URL_STS": url], retryPolicy: instantRetryPolicy(maxAttempts: 2))
        let error = try await #require(throws: AWSTransportError.self) { try await STSClient(client: client).getCallerIdentity() }
        #expect(error.kind != .other)
    }
}
