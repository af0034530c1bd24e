import Foundation
import StewardAWS
import Synchronization
import Testing

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
