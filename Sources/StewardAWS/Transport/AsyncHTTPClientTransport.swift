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
    }

    /// Over AsyncHTTPClient's process-wide client, which needs no shutdown: for clients whose
    /// owner has no moment to shut one down (a CLI command's desired-state store).
    public static var processWide: AsyncHTTPClientTransport { AsyncHTTPClientTransport(client: .shared) }

    /// Wraps a client owned elsewhere; `shutdown()` then leaves it running.
    public init(client: HTTPClient, maximumResponseBytes: Int = 64 * 1024 * 1024) {
        self.client = client
        self.ownsClient = false
        self.maximumResponseBytes = maximumResponseBytes
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
        do {
            let response = try await client.execute(outgoing, timeout: .nanoseconds(Int64(timeout.totalNanoseconds)))
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
