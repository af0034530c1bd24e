import CloudTrailEmulator
import Foundation
import StewardAWS
import StewardController
import StewardTestSupport

/// One test's CloudTrail: an emulator on a loopback port, a transport, and Steward's real
/// `AWSClient` (SigV4, keys test/test, `AWS_ENDPOINT_URL_CLOUDTRAIL`) pointed at it. `with`
/// stops all of it however the test ends.
final class CloudTrailWorld: TestResource, Sendable {
    static let account = EmulatedIdentity.defaultAccount
    /// Steward's own role, as STS GetCallerIdentity reports a session of it.
    static let stewardCaller = "arn:aws:sts::\(account):assumed-role/steward/i-0123456789abcdef0"

    let emulator: CloudTrailEmulator
    let transport: AsyncHTTPClientTransport
    let client: AWSClient

    private init(emulator: CloudTrailEmulator, transport: AsyncHTTPClientTransport, client: AWSClient) {
        self.emulator = emulator
        self.transport = transport
        self.client = client
    }

    /// - Parameters:
    ///   - emulatorClock: what the emulator stamps arrivals with (and throttles by).
    ///   - retryPolicy: the client's; one attempt unless the test is about retries.
    static func with(
        emulatorClock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(maxAttempts: 1),
        _ body: (CloudTrailWorld) async throws -> Void
    ) async throws {
        try await CloudTrailEmulator.with(now: emulatorClock) { emulator in
            let transport = AsyncHTTPClientTransport(configuration: .init(connectTimeout: .seconds(2)))
            let client: AWSClient
            do {
                client = try AWSClient.fromEnvironment(emulator.clientEnvironment, transport: transport, retryPolicy: retryPolicy)
            } catch {
                try? await transport.shutdown()
                throw error
            }
            try await CloudTrailWorld(emulator: emulator, transport: transport, client: client).use(body)
        }
    }

    func close() async {
        try? await transport.shutdown()
    }

    /// An attributor over this world's client. The defaults keep a test from waiting on real
    /// time: a limiter on `clock` (its sleeps advance the clock) and the attributor's wall
    /// clock on `clock` too.
    func attributor(
        clock: TestClock,
        steward: StewardIdentity = StewardIdentity(callerARN: stewardCaller),
        limiter: LookupRateLimiter? = nil,
        settings: AttributionSettings = AttributionSettings()
    ) -> CloudTrailAttributor {
        CloudTrailAttributor(
            client: client,
            steward: steward,
            limiter: limiter ?? LookupRateLimiter(now: { clock.instant }, sleep: { clock.sleep($0) }),
            settings: settings,
            now: { clock.date }
        )
    }
}
