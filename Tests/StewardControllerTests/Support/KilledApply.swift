import AsyncHTTPClient
import Foundation
import NIOCore
import StewardCore
import StewardTestSupport

/// `steward apply` killed with SIGKILL at a chosen moment: a proxy in front of moto forwards
/// every call, and holds the answer to the first `action` (which reached AWS) until the test
/// has killed the process. Deterministic where racing a kill against the output is not.
struct KilledApply {
    /// The held call was reached (else the process was killed on the timeout).
    var held: Bool
    var terminationReason: Process.TerminationReason
    /// What the killed process had written to stdout.
    var output: String

    /// Runs `body` with the environment that routes through the proxy (for the rerun), and
    /// stops the proxy however `body` ends.
    static func run(holding action: String, moto: MotoServer, in directory: URL,
                    _ body: (KilledApply, _ proxiedEnvironment: [String: String]) async throws -> Void) async throws {
        let gate = HoldGate()
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let proxy = try await LocalHTTPServer.start { request in
            let response = await forward(request, to: moto.endpoint, client: client)
            if request.formValue("Action") == action { await gate.holdUntilReleased() }
            return response
        }
        do {
            var environment = moto.clientEnvironment
            environment["AWS_ENDPOINT_URL"] = proxy.url
            let process = StewardBinary.process(["apply", "--auto-approve"], in: directory, environment: environment)
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let held = await gate.waitUntilHolding(timeout: .seconds(60))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            gate.release()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try await body(KilledApply(held: held, terminationReason: process.terminationReason, output: output), environment)
        } catch {
            gate.release()
            await proxy.stop()
            try? await client.shutdown()
            throw error
        }
        await proxy.stop()
        try await client.shutdown()
    }

    private static func forward(_ request: LocalHTTPRequest, to endpoint: String, client: HTTPClient) async -> LocalHTTPResponse {
        var outbound = HTTPClientRequest(url: endpoint + request.uri)
        outbound.method = .init(rawValue: request.method)
        for (name, value) in request.headers where name.lowercased() != "host" && name.lowercased() != "content-length" {
            outbound.headers.add(name: name, value: value)
        }
        outbound.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await client.execute(outbound, timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 16 << 20)
            return LocalHTTPResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                                     body: Array(buffer: body))
        } catch {
            return LocalHTTPResponse(status: 502, contentType: "text/plain", text: "proxy: \(error)")
        }
    }
}

/// Holds one response until the test has acted (killed the client), then lets it go. Both
/// doorbells are rung at most once and never consumed, so whoever waits, before or after, resumes.
struct HoldGate: Sendable {
    private let holding = WakeSignal()
    private let released = WakeSignal()

    func holdUntilReleased() async {
        holding.ring()
        await released.wait()
    }

    func waitUntilHolding(timeout: Duration) async -> Bool {
        await answer(within: timeout) { [holding] in
            await holding.wait()
            return holding.isPending
        }
    }

    func release() {
        released.ring()
    }
}
