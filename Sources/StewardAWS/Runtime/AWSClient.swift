import Foundation
import Logging
import Synchronization

/// The shared runtime under every service client: endpoint resolution, credentials, signing,
/// transport, error decoding, retries and logging. Create one per process (it owns nothing
/// that needs closing; the transport's owner shuts the transport down).
public final class AWSClient: Sendable {
    public let configuration: AWSConfiguration
    /// `nil` sends unsigned requests (STS AssumeRoleWithWebIdentity).
    public let credentialProvider: (any AWSCredentialProvider)?
    public let transport: any AWSHTTPTransport
    public let retryPolicy: AWSRetryPolicy
    public let retryQuota: AWSRetryQuota
    public let logger: Logger
    /// Per-attempt deadline for the whole response.
    public let timeout: Duration
    let now: @Sendable () -> Date
    let signingKeys = SigV4SigningKeyCache()
    private let resolvedEndpoints = Mutex<[String: AWSEndpoint]>([:])

    public init(
        configuration: AWSConfiguration,
        credentialProvider: (any AWSCredentialProvider)?,
        transport: any AWSHTTPTransport,
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(),
        retryQuota: AWSRetryQuota = AWSRetryQuota(),
        logger: Logger = Logger(label: "steward.aws"),
        timeout: Duration = .seconds(30),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.credentialProvider = credentialProvider
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.retryQuota = retryQuota
        self.logger = logger
        self.timeout = timeout
        self.now = now
    }

    /// A client configured like the AWS SDKs from an environment (the process's by default):
    /// region, endpoints and the standard credential chain, cached.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        transport: any AWSHTTPTransport,
        retryPolicy: AWSRetryPolicy = AWSRetryPolicy(),
        logger: Logger = Logger(label: "steward.aws")
    ) throws(AWSConfigurationError) -> AWSClient {
        let configuration = try AWSConfiguration(environment: environment)
        var policy = retryPolicy
        if let attempts = environment["AWS_MAX_ATTEMPTS"].flatMap({ Int($0) }) ?? configuration.profile["max_attempts"].flatMap({ Int($0) }) {
            policy.maxAttempts = max(1, attempts)
        }
        let chain = AWSCredentialChain.standard(configuration: configuration, transport: transport)
        return AWSClient(
            configuration: configuration,
            credentialProvider: CachedCredentialProvider(chain),
            transport: transport,
            retryPolicy: policy,
            logger: logger
        )
    }

    public var region: String { configuration.region }

    /// Sends one logical call, retrying per the policy. `prepare` runs once; the request it
    /// returns is re-signed for every attempt (so a retried call carries a fresh date but the
    /// same body, ClientToken included).
    func execute(service: AWSService, operation: String, request prepared: AWSHTTPRequest) async throws -> AWSHTTPResponse {
        var unsigned = prepared
        let call = AWSOperation(service: service.endpointPrefix, name: operation)
        unsigned.operation = call
        let label = call.description
        var attempt = 1
        var lastRetryCost = 0
        let signer = SigV4Signer(region: configuration.region, service: service.signingName, keyCache: signingKeys)
        while true {
            try Task.checkCancellation()
            var request = unsigned
            var usedCredentials: AWSCredentials?
            if let credentialProvider {
                let credentials = try await credentialProvider.resolve()
                usedCredentials = credentials
                signer.sign(&request, credentials: credentials, date: now())
            } else {
                request.headers.set("x-amz-date", SigV4Timestamp(now()).dateTime)
            }
            if logger.logLevel <= .debug {
                logger.debug("AWS request", metadata: [
                    "operation": .string(label),
                    "attempt": .stringConvertible(attempt),
                    "url": .string(request.url),
                    "headers": .string(AWSLogRedactor.headers(request.headers)),
                    "body": .string(AWSLogRedactor.body(request.body)),
                ])
            }
            let failure: any Error
            do {
                let response = try await transport.send(request, timeout: timeout)
                if logger.logLevel <= .debug {
                    logger.debug("AWS response", metadata: [
                        "operation": .string(label),
                        "status": .stringConvertible(response.status),
                        "headers": .string(AWSLogRedactor.headers(response.headers)),
                        "body": .string(AWSLogRedactor.body(response.body)),
                    ])
                }
                if response.isSuccess {
                    retryQuota.recordSuccess(spentOnLastRetry: lastRetryCost)
                    return response
                }
                let decoded = AWSErrorDecoder.decode(response, operation: label).scrubbing(usedCredentials)
                if AWSErrorCode.expiredCredentials.contains(decoded.code), let cache = credentialProvider as? CachedCredentialProvider {
                    // The next call fetches fresh credentials instead of reusing rejected ones.
                    await cache.invalidate()
                }
                failure = decoded
            } catch let error as CancellationError {
                throw error
            } catch {
                failure = error
            }
            guard case .retry(let isTimeout) = AWSRetryDecision.decide(for: failure), attempt < retryPolicy.maxAttempts else {
                throw failure
            }
            guard let cost = retryQuota.acquire(isTimeout: isTimeout) else {
                logger.warning("AWS retry quota exhausted; not retrying", metadata: ["operation": .string(label)])
                throw failure
            }
            lastRetryCost = cost
            let delay = retryPolicy.backoff(beforeRetry: attempt)
            logger.debug("AWS retrying", metadata: [
                "operation": .string(label),
                "attempt": .stringConvertible(attempt),
                "delay": .string("\(delay)"),
                "error": .string("\(failure)"),
            ])
            try await retryPolicy.sleep(delay)
            attempt += 1
        }
    }

    /// Resolved once per service: resolution parses URLs and reads the profile, and the
    /// configuration it reads never changes for this client.
    func endpoint(for service: AWSService) throws -> AWSEndpoint {
        if let cached = resolvedEndpoints.withLock({ $0[service.serviceID] }) {
            return cached
        }
        let endpoint = try configuration.endpoint(for: service)
        resolvedEndpoints.withLock { $0[service.serviceID] = endpoint }
        return endpoint
    }
}
