import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle
import StewardController

/// The daemon's HTTP face: liveness, readiness and Prometheus metrics, as a `Service` that joins
/// the same group as the loop and shuts down with it.
enum DaemonHTTPServer {
    static func application(
        address: ListenAddress, status: ReconcileStatus, registry: PrometheusCollectorRegistry, logger: Logger,
        liveness: DaemonLiveness? = nil, lease: LeaseFence? = nil,
        routes: (Router<BasicRequestContext>) -> Void = { _ in }
    ) -> some Service {
        let router = Router()
        routes(router)
        router.get("healthz") { _, _ -> Response in
            // The event loop answers; and the loop (or, on a standby, the lease watcher) moves.
            if let problem = liveness?.problem() {
                return text("not live: \(problem)\n", status: .serviceUnavailable, contentType: "text/plain; charset=utf-8")
            }
            return text("ok\n", status: .ok, contentType: "text/plain; charset=utf-8")
        }
        router.get("readyz") { _, _ -> Response in
            let snapshot = status.snapshot
            if let lease {
                let (code, body) = leaseReadiness(lease, snapshot)
                return text(body, status: code, contentType: "application/json")
            }
            if snapshot.ready {
                return text("ready\n", status: .ok, contentType: "text/plain; charset=utf-8")
            }
            return text(readinessJSON(snapshot), status: .serviceUnavailable, contentType: "application/json")
        }
        router.get("metrics") { _, _ -> Response in
            var buffer = ByteBuffer()
            buffer.writeBytes(registry.emitToBuffer())
            return Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: buffer)
            )
        }
        return Server(responder: router.buildResponder(), address: address, logger: logger)
    }

    /// Hummingbird's router on HummingbirdCore's HTTP/1 server, without Hummingbird's
    /// `Application`: its `run()` adds a `DateCache` that builds a Gregorian `Calendar` (which
    /// loads ICU's time-zone data) and reformats the `Date` header every second, about 2.5 MB
    /// of resident memory and a wake-up per second in an otherwise idle daemon. The
    /// `Date` header is written per response by `HTTPDate` instead.
    struct Server<Responder: HTTPResponder>: Service where Responder.Context == BasicRequestContext {
        let responder: Responder
        let address: ListenAddress
        let logger: Logger

        func run() async throws {
            let responder = self.responder, logger = self.logger, address = self.address
            let server = try HTTPServerBuilder.http1().buildServer(
                configuration: ServerConfiguration(address: .hostname(address.host, port: address.port), serverName: nil),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
                logger: logger,
                responder: { request, writer, channel in
                    let context = BasicRequestContext(source: ApplicationRequestContextSource(channel: channel, logger: logger))
                    var response: Response
                    do {
                        response = try await responder.respond(to: request, context: context)
                    } catch {
                        // The router already turns HTTP errors (404…) into responses.
                        logger.debug("unrecognised error", metadata: ["error.type": "\(error)"])
                        response = Response(status: .internalServerError)
                    }
                    response.headers[.date] = HTTPDate.string(from: time(nil))
                    try await writer.write(response: response.head, body: response.body)
                },
                onServerRunning: { channel in
                    let bound = channel.localAddress.flatMap { local in local.ipAddress.map { (ip: $0, port: local.port ?? 0) } }
                    if let bound {
                        let host = bound.ip.contains(":") ? "[\(bound.ip)]" : bound.ip
                        DaemonOutput.line("listening on \(host):\(bound.port)")
                    } else {
                        DaemonOutput.line("listening on \(address)")
                    }
                }
            )
            try await server.run()
        }
    }

    private static func text(_ body: String, status: HTTPResponse.Status, contentType: String) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// With `ha`: a standby that knows the lease is ready (ECS must not replace it) and says who
    /// leads; the leader is ready as a single replica would be, and says so.
    static func leaseReadiness(_ lease: LeaseFence, _ snapshot: ReconcileStatus.Snapshot) -> (HTTPResponse.Status, String) {
        struct Body: Encodable {
            var role: String
            var leader: String?
            var epoch: Int
            var ready: Bool
            var reason: String?
            var completed: Int
        }
        let fence = lease.snapshot
        var body = Body(role: "standby", leader: fence.holder, epoch: fence.epoch, ready: fence.known, reason: nil, completed: snapshot.completed)
        if lease.isLeading {
            body.role = "leader"
            body.leader = lease.identity
            body.ready = snapshot.ready
            body.reason = snapshot.reason
        } else if !fence.known {
            body.reason = "the lease table has not been read yet"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(body)) ?? Data("{\"ready\":false}".utf8)
        return (body.ready ? .ok : .serviceUnavailable, String(decoding: data, as: UTF8.self) + "\n")
    }

    /// `{"ready":false,"reason":"…","completed":N}` — short, for a probe's log.
    static func readinessJSON(_ snapshot: ReconcileStatus.Snapshot) -> String {
        struct Body: Encodable {
            var ready: Bool
            var reason: String?
            var completed: Int
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Body(ready: snapshot.ready, reason: snapshot.reason, completed: snapshot.completed))) ?? Data("{\"ready\":false}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
