import Foundation
import Synchronization

/// Caches another provider's credentials and refreshes them ahead of expiry. Concurrent callers
/// share one refresh: the first starts it, the others await the same task. If a refresh fails
/// while the cached credentials are still valid, those are returned and the next call tries
/// again.
public actor CachedCredentialProvider: AWSCredentialProvider {
    public nonisolated let base: any AWSCredentialProvider
    public nonisolated let refreshAhead: Duration
    private nonisolated let now: @Sendable () -> Date
    private var cached: AWSCredentials? {
        didSet { snapshot.withLock { $0 = cached } }
    }
    /// Read without entering the actor: the common case (fresh credentials) then costs a
    /// lock, not a suspension, on every request.
    private nonisolated let snapshot = Mutex<AWSCredentials?>(nil)
    private var refresh: Task<AWSCredentials, any Error>?
    /// How many times the base provider was asked; tests use it to prove single flight.
    public private(set) var fetchCount = 0

    public nonisolated var name: String { base.name }

    public init(_ base: any AWSCredentialProvider, refreshAhead: Duration = .seconds(300), now: @escaping @Sendable () -> Date = { Date() }) {
        self.base = base
        self.refreshAhead = refreshAhead
        self.now = now
    }

    public nonisolated func resolve() async throws -> AWSCredentials {
        if let credentials = snapshot.withLock({ $0 }), !needsRefresh(credentials, at: now()) {
            return credentials
        }
        return try await refreshIfNeeded()
    }

    private func refreshIfNeeded() async throws -> AWSCredentials {
        let current = now()
        if let cached, !needsRefresh(cached, at: current) {
            return cached
        }
        let task: Task<AWSCredentials, any Error>
        if let refresh {
            task = refresh
        } else {
            fetchCount += 1
            let base = base
            task = Task { try await base.resolve() }
            refresh = task
        }
        do {
            let fresh = try await task.value
            if refresh == task { refresh = nil }
            cached = fresh
            return fresh
        } catch {
            if refresh == task { refresh = nil }
            if let cached, let expiration = cached.expiration, expiration > now() {
                return cached
            }
            throw error
        }
    }

    /// Drops the cache, e.g. after the service rejected the credentials.
    public func invalidate() {
        cached = nil
    }

    private nonisolated func needsRefresh(_ credentials: AWSCredentials, at instant: Date) -> Bool {
        guard let expiration = credentials.expiration else { return false }
        let ahead = Double(refreshAhead.components.seconds) + Double(refreshAhead.components.attoseconds) / 1e18
        return expiration.timeIntervalSince(instant) <= ahead
    }
}
