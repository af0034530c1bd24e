import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A small HTTP/1.1 server on 127.0.0.1 for tests: a container-credentials endpoint, an IMDS
/// stand-in, a fault-injecting proxy. It logs every request and counts accepted connections
/// (to prove keep-alive). Start it with `start`, always `stop` it (or use `with`).
public final class LocalHTTPServer: Sendable {
    public typealias Handler = @Sendable (LocalHTTPRequest) async -> LocalHTTPResponse

    public let port: Int
    private let serverChannel: any Channel
    private let acceptLoop: Task<Void, Never>
    private let box: StateBox

    struct State {
        var acceptedConnections = 0
        var requests: [LocalHTTPRequest] = []
        var openChannels: [ObjectIdentifier: any Channel] = [:]
    }

    public var url: String { "http://127.0.0.1:\(port)" }
    public var acceptedConnections: Int { box.state.withLock { $0.acceptedConnections } }
    public var requests: [LocalHTTPRequest] { box.state.withLock { $0.requests } }

    private init(port: Int, serverChannel: any Channel, acceptLoop: Task<Void, Never>, box: StateBox) {
        self.port = port
        self.serverChannel = serverChannel
        self.acceptLoop = acceptLoop
        self.box = box
    }

    public static func start(handler: @escaping Handler) async throws -> LocalHTTPServer {
        let box = StateBox()
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(wrappingChannelSynchronously: channel)
                }
            }
        guard let port = server.channel.localAddress?.port else {
            throw LocalHTTPServerError.noPort
        }
        let serverChannel = server.channel
        let loop = Task<Void, Never> {
            _ = try? await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { inbound in
                    for try await connection in inbound {
                        let index = box.state.withLock { state -> Int in
                            state.acceptedConnections += 1
                            state.openChannels[ObjectIdentifier(connection.channel)] = connection.channel
                            return state.acceptedConnections - 1
                        }
                        group.addTask {
                            await serve(connection, index: index, handler: handler, box: box)
                        }
                    }
                }
            }
        }
        return LocalHTTPServer(port: port, serverChannel: serverChannel, acceptLoop: loop, box: box)
    }

    /// Runs `body` with a started server and stops it afterwards, whatever happens.
    public static func with<T: Sendable>(handler: @escaping Handler, _ body: (LocalHTTPServer) async throws -> T) async throws -> T {
        try await start(handler: handler).use(body)
    }

    public func stop() async {
        let channels = box.state.withLock { Array($0.openChannels.values) }
        try? await serverChannel.close()
        for channel in channels {
            try? await channel.close()
        }
        acceptLoop.cancel()
        await acceptLoop.value
    }

    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>,
        index: Int,
        handler: Handler,
        box: StateBox
    ) async {
        let channel = connection.channel
        defer { _ = box.state.withLock { $0.openChannels.removeValue(forKey: ObjectIdentifier(channel)) } }
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body = []
                case .body(let buffer):
                    body.append(contentsOf: buffer.readableBytesView)
                case .end:
                    guard let requestHead = head else { continue }
                    let request = LocalHTTPRequest(
                        method: requestHead.method.rawValue,
                        uri: requestHead.uri,
                        headers: requestHead.headers.map { ($0.name, $0.value) },
                        body: body,
                        connection: index
                    )
                    box.state.withLock { $0.requests.append(request) }
                    let response = await handler(request)
                    var headers = HTTPHeaders()
                    for (name, value) in response.headers { headers.add(name: name, value: value) }
                    headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
                    let keepAlive = requestHead.isKeepAlive
                    headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
                    let responseHead = HTTPResponseHead(version: requestHead.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
                    try await outbound.write(.head(responseHead))
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: response.body))))
                    try await outbound.write(.end(nil))
                    if !keepAlive { return }
                    head = nil
                }
            }
        }
    }
}

extension LocalHTTPServer: TestResource {
    public func close() async { await stop() }
}
