import Foundation
import Logging
import StewardAWS
import StewardCore

/// "Who did it" for drift findings: the newest CloudTrail event that could have caused a
/// finding, as a `DriftActor`. Best effort by design — it never throws, and a missing
/// permission, throttling or an outage turn into `.unavailable(reason)` so the drift report
/// goes out regardless. Answers are cached; failures pause lookups for a while; a pass starts
/// at most `maxLookupsPerPass` lookups; every request is paced by the shared limiter.
public actor CloudTrailAttributor {
    public let steward: StewardIdentity
    public let settings: AttributionSettings
    private let cloudTrail: CloudTrailClient
    private let now: @Sendable () -> Date
    private let logger: Logger
    private var cache = AttributionCache()
    /// Set by a failure: until then CloudTrail is not asked, and why.
    private var pause: (until: Date, cause: String)?

    /// Codes that mean "this role may not call LookupEvents", not "try again".
    /// CloudTrail's own refusal besides the access codes every service shares.
    static let notPermittedCodes: Set<AWSErrorCode> = AWSErrorCode.accessDenied.union(["OperationNotPermittedException"])

    /// - Parameters:
    ///   - client: the process's AWS client; lookups go through a copy of it whose transport
    ///     takes a `limiter` slot before every attempt, retries included.
    ///   - steward: Steward's own identity (from STS GetCallerIdentity), shown as "Steward".
    ///   - limiter: share one per process: CloudTrail's limit is per account, not per caller.
    ///   - now: the wall clock for the cache, the pauses and the lookback window.
    public init(
        client: AWSClient,
        steward: StewardIdentity,
        limiter: LookupRateLimiter = .shared,
        settings: AttributionSettings = AttributionSettings(),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "steward.attribution")
    ) {
        self.cloudTrail = CloudTrailClient(client: client.sending(through: RateLimitedTransport(wrapping: client.transport, limiter: limiter)))
        self.steward = steward
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// Who caused the finding `request` describes (cached answers first).
    public func attribute(_ request: AttributionRequest) async -> AttributionResult {
        if let cached = cache.result(for: request, at: now()) { return cached }
        return await lookUp(request)
    }

    /// One report's findings: cached answers for free, then new lookups in order until
    /// `maxLookupsPerPass` have been started; the rest are `.notLookedUp`.
    public func attribute(_ requests: [AttributionRequest]) async -> [AttributionRequest: AttributionResult] {
        var results: [AttributionRequest: AttributionResult] = [:]
        var started = 0
        for request in requests where results[request] == nil {
            if let cached = cache.result(for: request, at: now()) {
                results[request] = cached
            } else if let paused = pausedResult(for: request) {
                results[request] = paused
            } else if Task.isCancelled {
                results[request] = .unavailable(AttributionFailure.cancelled(resource: request.resourceName).description)
            } else if started < settings.maxLookupsPerPass {
                started += 1
                results[request] = await lookUp(request)
            } else {
                results[request] = .notLookedUp
            }
        }
        return results
    }

    private func lookUp(_ request: AttributionRequest) async -> AttributionResult {
        if let paused = pausedResult(for: request) { return paused }
        let end = now()
        do {
            let event = try await cloudTrail.newestEvent(
                attribute: .resourceName(request.resourceName),
                startTime: end.addingTimeInterval(-settings.lookback.timeInterval),
                endTime: end,
                pageSize: settings.pageSize,
                maxPages: settings.maxPagesPerLookup,
                where: { request.isCause($0) }
            )
            let result: AttributionResult = event.flatMap { DriftActor(event: $0, steward: steward) }.map { .found($0) } ?? .notFound
            cache.store(result, for: request, at: now(), for: settings.cacheTTL)
            return result
        } catch {
            return .unavailable(failure(error, looking: request).description)
        }
    }

    private func pausedResult(for request: AttributionRequest) -> AttributionResult? {
        guard let pause, pause.until > now() else { return nil }
        return .unavailable(AttributionFailure.paused(resource: request.resourceName, cause: pause.cause, until: pause.until).description)
    }

    /// Classifies the error and starts the pause it calls for.
    private func failure(_ error: any Error, looking request: AttributionRequest) -> AttributionFailure {
        let resource = request.resourceName
        if error is CancellationError { return .cancelled(resource: resource) }
        let failure: AttributionFailure
        if let error = error as? AWSError, Self.notPermittedCodes.contains(error.code) || error.statusCode == 403 {
            failure = .notPermitted(resource: resource, code: error.code.rawValue, pausedUntil: now().addingTimeInterval(settings.deniedPause.timeInterval))
        } else if let error = error as? AWSError, error.isThrottling {
            failure = .throttled(resource: resource, pausedUntil: now().addingTimeInterval(settings.failurePause.timeInterval))
        } else {
            failure = .failed(resource: resource, error: String(describing: error), pausedUntil: now().addingTimeInterval(settings.failurePause.timeInterval))
        }
        guard let until = failure.pausedUntil else { return failure }
        pause = (until, failure.description)
        logger.warning("CloudTrail attribution paused", metadata: ["reason": .string(failure.description)])
        return failure
    }
}
