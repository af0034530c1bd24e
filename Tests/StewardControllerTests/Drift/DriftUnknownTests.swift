import Foundation
import StewardAWS
import StewardController
import StewardCore
import StewardStore
import StewardTestSupport
import Testing

/// Unknown never shows as in sync: IAM-denied describes (moto enforcing IAM) and throttling on
/// every call exit 3 with the environment `unknown` and the reason; a finding of an
/// environment that could not be read is kept, never called resolved.
@Suite(.serialized) struct DriftUnknownTests {
    @Test func iamDeniedDescribeIsUnknownAndExits3() async throws {
        let moto = try await MotoServer.start(initialNoAuthActionCount: 100_000)
        try await WhitelistWorld(moto: moto).use { world in
            _ = try await world.managedGroup("web")
            world.clock = Date()
            try world.writeDesired("dev", [])
            let keys = try await moto.createIAMUsers(["reader": MotoServer.allowPolicy(["sts:GetCallerIdentity"])])
            try await moto.enableAuth(afterFreeCalls: 0)
            let reader = try #require(keys["reader"])
            let environment = moto.clientEnvironment.merging(["AWS_ACCESS_KEY_ID": reader[0], "AWS_SECRET_ACCESS_KEY": reader[1]]) { $1 }
            let result = try StewardBinary.runCapturing(["drift", "--no-attribution", "--format", "json", "--detailed-exitcode"], in: world.directory, environment: environment)
            #expect(result.status == 3, "\(result.stdout)\n\(result.stderr)")
            let report = try DriftDocument.decode(result.stdout)
            let dev = try #require(report.status("dev"))
            #expect(dev.status == "unknown")
            #expect(dev.reason?.contains("AWS could not be read") == true, "\(dev)")
            #expect(dev.reason?.contains("denied") == true || dev.reason?.contains("AccessDenied") == true || dev.reason?.contains("not authorized") == true, "\(dev)")
            let text = try StewardBinary.runCapturing(["drift", "--no-attribution"], in: world.directory, environment: environment)
            #expect(!text.stdout.contains("in sync"), "\(text.stdout)")
        }
    }

    /// Answers every AWS call with a throttling error.
    struct ThrottlingTransport: AWSHTTPTransport {
        func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
            let body = "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>t</RequestID></Response>"
            return AWSHTTPResponse(status: 503, body: Array(body.utf8))
        }
    }

    @Test func throttledOnEveryCallIsUnknownAndResolvesNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-drift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try DesiredStateYAML(whitelist: []).write(in: directory)
        let client = try AWSClient.fromEnvironment(
            ["AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test"],
            transport: ThrottlingTransport(), retryPolicy: AWSRetryPolicy(maxAttempts: 2))
        let configuration = StewardConfiguration()
        let reconciler = Reconciler(store: YAMLDirectoryStore(directory: directory, policy: configuration.policy), aws: client,
                                    configuration: configuration, audit: nil)
        // A finding seen before, in the environment that can't be read now.
        let dev = try EnvironmentName("dev")
        let earlier = DriftItem(kind: .unmanagedRule, severity: .medium, environment: dev,
                                resource: .securityGroupRule(groupID: "sg-1", ruleID: "sgr-1"), message: "seen before")
        let file = DriftHistoryFile(url: directory.appendingPathComponent("history.json"))
        var history = DriftHistory()
        _ = history.update(observed: [earlier], covered: [dev], now: Date().addingTimeInterval(-3600))
        try await file.save(history)

        let report = try await DriftReporter(reconciler: reconciler, history: file, desiredStateSource: "test").report()
        #expect(report.exitCode(detailed: true) == 3)
        let status = try #require(report.environments.first { $0.name == dev })
        #expect(status.status == .unknown)
        #expect(status.reason?.contains("AWS could not be read") == true, "\(status)")
        #expect(report.findings.first { $0.id == earlier.id }?.state == .open, "not read is not resolved")
        #expect(try await file.load().findings[earlier.id]?.resolvedAt == nil)
    }
}
