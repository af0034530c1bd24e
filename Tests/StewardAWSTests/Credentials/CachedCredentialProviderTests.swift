import Foundation
import StewardAWS
import Synchronization
import Testing

/// A provider that counts calls and hands out credentials expiring at a set time.
final class CountingProvider: AWSCredentialProvider {
    let calls = Mutex(0)
    let expiry: Date
    let failAfterFirst: Bool
    var name: String { "counting" }

    init(expiry: Date, failAfterFirst: Bool = false) {
        self.expiry = expiry
        self.failAfterFirst = failAfterFirst
    }

    func resolve() async throws -> AWSCredentials {
        let call = calls.withLock { value -> Int in
            value += 1
            return value
        }
        // Let concurrent callers pile up on the in-flight refresh.
        await Task.yield()
        if failAfterFirst && call > 1 { throw AWSCredentialsError.failed(provider: name, reason: "endpoint down") }
        return AWSCredentials(accessKeyID: "KEY\(call)", secretAccessKey: "s", sessionToken: "t", expiration: expiry)
    }
}

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

@Suite("Credential cache")
struct CachedCredentialProviderTests {
    let start = Date(timeIntervalSince1970: 2_000_000_000)

    @Test func concurrentCallersShareOneFetch() async throws {
        let base = CountingProvider(expiry: start.addingTimeInterval(3600))
        let clock = ManualClock(start)
        let cache = CachedCredentialProvider(base, now: { clock.now })
        let keys = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<50 { group.addTask { try await cache.resolve().accessKeyID } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(keys == ["KEY1"])
        #expect(base.calls.withLock { $0 } == 1)
        #expect(await cache.fetchCount == 1)
    }

    @Test func refreshesFiveMinutesBeforeExpiry() async throws {
        let base = CountingProvider(expiry: start.addingTimeInterval(3600))
        let clock = ManualClock(start)
        let cache = CachedCredentialProvider(base, now: { clock.now })
        #expect(try await cache.resolve().accessKeyID == "KEY1")
        clock.advance(3600 - 301)
        #expect(try await cache.resolve().accessKeyID == "KEY1")
        clock.advance(2)
        #expect(try await cache.resolve().accessKeyID == "KEY2")
    }

    @Test func keepsValidCredentialsWhenARefreshFails() async throws {
        let base = CountingProvider(expiry: start.addingTimeInterval(600), failAfterFirst: true)
        let clock = ManualClock(start)
        let cache = CachedCredentialProvider(base, now: { clock.now })
        _ = try await cache.resolve()
        clock.advance(400) // inside the refresh window, still valid
        #expect(try await cache.resolve().accessKeyID == "KEY1")
        clock.advance(300) // expired: the failure surfaces
        await #expect(throws: AWSCredentialsError.self) { try await cache.resolve() }
    }
}
