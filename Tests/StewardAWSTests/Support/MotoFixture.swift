import Foundation
import Logging
import StewardAWS
import StewardTestSupport
import Testing

/// One moto_server and one pooled transport for a suite, stopped when the suite ends.
final class MotoFixture: Sendable {
    let server: MotoServer
    let transport: AsyncHTTPClientTransport

    init(server: MotoServer, transport: AsyncHTTPClientTransport) {
        self.server = server
        self.transport = transport
    }

    @TaskLocal static var current: MotoFixture?

    static func get() throws -> MotoFixture {
        try #require(current, "this test must run inside a suite marked .moto")
    }

    /// A client for the suite's moto with moto's default keys (or the given environment on
    /// top of the server's).
    func client(environment extra: [String: String] = [:], retryPolicy: AWSRetryPolicy = AWSRetryPolicy(maxAttempts: 1), logger: Logger = Logger(label: "test")) throws -> AWSClient {
        var environment = server.clientEnvironment
        for (key, value) in extra { environment[key] = value }
        return try AWSClient.fromEnvironment(environment, transport: transport, retryPolicy: retryPolicy, logger: logger)
    }
}

/// Starts moto for a whole suite (once, not per test) and stops it after, with structured
/// teardown; `authAfter` arms moto's signature and IAM checks after that many free calls.
struct MotoTrait: SuiteTrait, TestScoping {
    var authAfter: Int?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await MotoServer.with(initialNoAuthActionCount: authAfter) { server in
            let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .seconds(2)))
            do {
                try await MotoFixture.$current.withValue(MotoFixture(server: server, transport: transport)) {
                    try await function()
                }
                try await transport.shutdown()
            } catch {
                try? await transport.shutdown()
                throw error
            }
        }
    }
}

extension Trait where Self == MotoTrait {
    static var moto: MotoTrait { MotoTrait(authAfter: nil) }
    static func moto(authAfter: Int) -> MotoTrait { MotoTrait(authAfter: authAfter) }
}

/// A unique suffix so tests sharing one moto never collide.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
}

/// Parses JSON printed by the aws CLI or a boto3 script.
func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}
