import AsyncHTTPClient
import Foundation
import NIOCore

/// The production transport: one pooled, keep-alive `HTTPClient` shared by every service
/// client. Whoever creates it calls `shutdown()` once, after the last request.
public final class AsyncHTTPClientTransport: AWSHTTPTransport {
    public struct Configuration: Sendable {
        /// Short by default: a refused connection is retried by AsyncHTTPClient until this
        /// expires, and the retry layer above handles transient failures anyway.
        public var connectTimeout: Duration
        public var maximumConnectionsPerHost: Int
        public var idleTimeout: Duration
        /// Upper bound on a response body; AWS responses Steward reads are far smaller.
        public var maximumResponseBytes: Int

        public init(
            connectTimeout: Duration = .seconds(3),
            maximumConnectionsPerHost: Int = 8,
            idleTimeout: Duration = .seconds(50),
            maximumResponseBytes: Int = 64 * 1024 * 1024
        ) {
            self.connectTimeout = connectTimeout
            self.maximumConnectionsPerHost = maximumConnectionsPerHost
            self.idleTimeout = idleTimeout
            self.maximumResponseBytes = maximumResponseBytes
        }
    }

    private let client: HTTPClient
    private let ownsClient: Bool
    private let maximumResponseBytes: Int
    private let slots: ConnectionSlots

    public init(configuration: Configuration = Configuration()) {
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.timeout = HTTPClient.Configuration.Timeout(
            connect: .nanoseconds(Int64(configuration.connectTimeout.totalNanoseconds))
        )
        clientConfiguration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .nanoseconds(Int64(configuration.idleTimeout.totalNanoseconds)),
            concurrentHTTP1ConnectionsPerHostSoftLimit: configuration.maximumConnectionsPerHost
        )
        // Redirects from an AWS API are never legitimate and would leak signed headers.
        clientConfiguration.redirectConfiguration = .disallow
        clientConfiguration.decompression = .disabled
        self.client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        self.ownsClient = true
        self.maximumResponseBytes = configuration.maximumResponseBytes
        self.slots = ConnectionSlots(limit: configuration.maximumConnectionsPerHost)
    }

    /// Over AsyncHTTPClient's process-wide client, which needs no shutdown: for clients whose
    /// owner has no moment to shut one down (a CLI command's desired-state store).
    public static var processWide: AsyncHTTPClientTransport { AsyncHTTPClientTransport(client: .shared) }

    /// Wraps a client owned elsewhere; `shutdown()` then leaves it running.
    public init(client: HTTPClient, maximumResponseBytes: Int = 64 * 1024 * 1024, maximumConnectionsPerHost: Int = 8) {
        self.client = client
        self.ownsClient = false
        self.maximumResponseBytes = maximumResponseBytes
        self.slots = ConnectionSlots(limit: maximumConnectionsPerHost)
    }

    public func shutdown() async throws {
        if ownsClient {
            try await client.shutdown()
        }
    }

    public func send(_ request: AWSHTTPRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers.fields {
            outgoing.headers.add(name: name, value: value)
        }
        if !request.body.isEmpty || request.method == "POST" || request.method == "PUT" {
            outgoing.body = .bytes(request.body)
        }
        let endpoint = request.endpoint.url
        let host = request.endpoint.hostHeader
        let deadline = ContinuousClock.now + timeout
        do {
            try await slots.acquire(host: host, until: deadline)
        } catch is ConnectionSlots.Refusal {
            throw AWSTransportError(kind: .timeout, endpoint: endpoint, detail: "waited \(timeout) for one of \(slots.limit) connections to \(host)")
        }
        let outcome: Result<AWSHTTPResponse, any Error>
        do {
            outcome = .success(try await perform(outgoing, endpoint: endpoint, deadline: deadline))
        } catch {
            outcome = .failure(error)
        }
        await slots.release(host: host)
        return try outcome.get()
    }

    /// The request itself, once it holds a connection slot; `deadline` covers the wait for the
    /// slot too.
    private func perform(_ outgoing: HTTPClientRequest, endpoint: String, deadline: ContinuousClock.Instant) async throws -> AWSHTTPResponse {
        do {
            let response = try await client.execute(outgoing, deadline: .now() + .nanoseconds((deadline - .now).totalNanoseconds))
            var headers = AWSHTTPHeaders()
            for field in response.headers {
                headers.add(field.name, field.value)
            }
            let buffer = try await response.body.collect(upTo: maximumResponseBytes)
            return AWSHTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer.readableBytesView))
        } catch let error as HTTPClientError {
            throw Self.classify(error, endpoint: endpoint)
        } catch let error as IOError {
            throw AWSTransportError(kind: .connectionFailed, endpoint: endpoint, detail: "\(error)")
        } catch let error as ChannelError {
            if case .connectTimeout = error {
                throw AWSTransportError(kind: .timeout, endpoint: endpoint, detail: "\(error)")
            }
            throw AWSTransportError(kind: .connectionFailed, endpoint: endpoint, detail: "\(error)")
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as AWSTransportError {
            throw error
        } catch {
            // NIOConnectionError (refused on every address) and friends land here.
            let text = "\(error)"
            let kind: AWSTransportError.Kind = text.contains("onnection") || text.contains("refused") || text.contains("reset")
                ? .connectionFailed : .other
            throw AWSTransportError(kind: kind, endpoint: endpoint, detail: text)
        }
    }

    private static func classify(_ error: HTTPClientError, endpoint: String) -> AWSTransportError {
        switch error {
        case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded:
            return AWSTransportError(kind: .timeout, endpoint: endpoint, detail: "\(error)")
        case .remoteConnectionClosed, .getConnectionFromPoolTimeout:
            return AWSTransportError(kind: .connectionFailed, endpoint: endpoint, detail: "\(error)")
        default:
            return AWSTransportError(kind: .other, endpoint: endpoint, detail: "\(error)")
        }
    }
}

extension Duration {
    var totalNanoseconds: Int64 {
        let parts = components
        return parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000
    }
}
