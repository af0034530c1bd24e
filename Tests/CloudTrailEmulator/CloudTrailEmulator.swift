import Foundation
import StewardTestSupport

/// A local CloudTrail that answers LookupEvents — moto doesn't implement it — written from the
/// API reference and strict where the API is: POST `/` with the exact `X-Amz-Target` and
/// JSON 1.1 content type, a SigV4 `Authorization` scoped to `cloudtrail`, exactly one lookup
/// attribute from the documented keys, `MaxResults` 1…50, NextToken paging bound to its
/// request, events newest first, two requests per second for the account (`ThrottlingException`).
/// Loopback only; one emulator is one account and region.
///
/// ```swift
/// try await CloudTrailEmulator.with { cloudTrail in
///     cloudTrail.seed(EmulatedEvent("AuthorizeSecurityGroupIngress", on: "sg-0abc", at: date,
///                                   by: .assumedRole("Admin", session: "jane.doe")))
///     // point a client at cloudTrail.clientEnvironment (AWS_ENDPOINT_URL_CLOUDTRAIL, test keys)
///     cloudTrail.setAccessDenied(true)                       // a role without the permission
///     let arrivals = cloudTrail.lookupRequests.map(\.arrival) // to check the caller's pacing
/// }
/// ```
public final class CloudTrailEmulator: Sendable {
    public static let lookupEventsTarget = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"

    let store: CloudTrailEmulatorStore
    private let server: LocalHTTPServer

    private init(server: LocalHTTPServer, store: CloudTrailEmulatorStore) {
        self.server = server
        self.store = store
    }

    public var account: String { store.account }
    public var region: String { store.region }
    public var port: Int { server.port }
    /// `http://127.0.0.1:PORT`
    public var url: String { server.url }

    /// What a client (Steward's, the aws CLI, boto3) needs to reach this emulator with the
    /// test keys `test`/`test`, and nothing from the developer's own AWS setup.
    public var clientEnvironment: [String: String] {
        [
            "AWS_ENDPOINT_URL_CLOUDTRAIL": url,
            "AWS_REGION": region,
            "AWS_DEFAULT_REGION": region,
            "AWS_ACCESS_KEY_ID": "test",
            "AWS_SECRET_ACCESS_KEY": "test",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        ]
    }

    /// Starts an emulator on a free loopback port. Call `stop()`, or prefer `with`.
    /// - Parameter now: the clock arrivals are stamped with and the throttle counts by.
    public static func start(
        account: String = EmulatedIdentity.defaultAccount,
        region: String = "us-east-1",
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) async throws -> CloudTrailEmulator {
        let store = CloudTrailEmulatorStore(account: account, region: region, now: now)
        let server = try await LocalHTTPServer.start { request in store.respond(to: request) }
        return CloudTrailEmulator(server: server, store: store)
    }

    /// Runs `body` with a started emulator and stops it however `body` ends.
    public static func with<T: Sendable>(
        account: String = EmulatedIdentity.defaultAccount,
        region: String = "us-east-1",
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        _ body: (CloudTrailEmulator) async throws -> T
    ) async throws -> T {
        let store = CloudTrailEmulatorStore(account: account, region: region, now: now)
        return try await LocalHTTPServer.with(handler: { request in store.respond(to: request) }) { server in
            try await body(CloudTrailEmulator(server: server, store: store))
        }
    }

    public func stop() async {
        await server.stop()
    }

    /// Adds events; LookupEvents returns them newest first whatever the seeding order.
    public func seed(_ events: [EmulatedEvent]) {
        store.state.withLock { state in
            for event in events {
                state.events.append((state.events.count, event))
            }
        }
    }

    public func seed(_ event: EmulatedEvent) {
        seed([event])
    }
}

extension CloudTrailEmulator: TestResource {
    public func close() async { await stop() }
}
