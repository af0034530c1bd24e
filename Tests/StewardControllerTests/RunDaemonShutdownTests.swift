import AsyncHTTPClient
import Foundation
import NIOCore
import StewardTestSupport
import Testing

/// SIGTERM while an apply is on the wire: the pass finishes (every rule it started is in AWS
/// and in the audit log), then the process exits 0.
@Suite(.serialized) struct RunDaemonShutdownTests {
    /// Forwards to moto, holding every AuthorizeSecurityGroupIngress for `delay` so the apply
    /// is reliably in flight when the signal arrives.
    static func delayingProxy(to moto: String, delay: Duration) async throws -> LocalHTTPServer {
        try await LocalHTTPServer.start { request in
            if request.formValue("Action") == "AuthorizeSecurityGroupIngress" {
                try? await Task.sleep(for: delay)
            }
            var forwarded = HTTPClientRequest(url: moto + request.uri)
            forwarded.method = .init(rawValue: request.method)
            for (name, value) in request.headers where !["host", "content-length", "connection"].contains(name.lowercased()) {
                forwarded.headers.add(name: name, value: value)
            }
            forwarded.body = .bytes(ByteBuffer(bytes: request.body))
            do {
                let response = try await HTTPClient.shared.execute(forwarded, timeout: .seconds(30))
                let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
                let headers = response.headers.filter { !["content-length", "connection", "transfer-encoding"].contains($0.name.lowercased()) }
                return LocalHTTPResponse(status: Int(response.status.code), headers: headers.map { ($0.name, $0.value) }, body: Array(buffer: body))
            } catch {
                return LocalHTTPResponse(status: 502, contentType: "text/plain", text: "proxy: \(error)")
            }
        }
    }

    @Test func sigtermDuringApplyFinishesTheApplyThenExitsZero() async throws {
        let estate = try await RunDaemonEstate.make()
        var proxy: LocalHTTPServer?
        var daemon: RunDaemonProcess?
        do {
            let web = try await estate.managedGroup("web")
            let api = try await estate.managedGroup("api")
            let wanted = (1...10).map { "198.51.100.\($0 * 4)/32" }
            try estate.writeDesired(wanted.map { (cidr: $0, expiresAt: Date().addingTimeInterval(86_400)) })
            proxy = try await Self.delayingProxy(to: estate.moto.endpoint, delay: .milliseconds(1500))
            var environment = estate.moto.clientEnvironment
            environment["AWS_ENDPOINT_URL"] = proxy!.url
            daemon = try RunDaemonProcess(
                ["--listen", "127.0.0.1:0", "--desired-state", estate.desiredState.path, "--interval", "60s"],
                in: estate.root, environment: environment)

            // Bounded wait until the first authorize is on the wire (held by the proxy).
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline, !(proxy!.requests.contains { $0.formValue("Action") == "AuthorizeSecurityGroupIngress" }) {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(proxy!.requests.contains { $0.formValue("Action") == "AuthorizeSecurityGroupIngress" }, "no apply started")
            daemon!.signal(SIGTERM)
            let status = await daemon!.waitForExit(timeout: .seconds(30))
            #expect(status == 0, "exit status \(String(describing: status)); stderr:\n\(daemon!.stderr.suffix(3000))")

            // Both groups' batches went out, though the second was sent after SIGTERM.
            let authorizes = proxy!.requests.filter { $0.formValue("Action") == "AuthorizeSecurityGroupIngress" }
            #expect(authorizes.count == 2)
            #expect(try await estate.cidrs(web) == Set(wanted))
            #expect(try await estate.cidrs(api) == Set(wanted))
            let audit = estate.auditLines()
            #expect(audit.count == 20)
            #expect(audit.allSatisfy { $0.contains("\"applied\"") })
            #expect(daemon!.stderr.contains("reconcile loop stopped"))
        } catch {
            await daemon?.stop()
            await proxy?.stop()
            await estate.close()
            throw error
        }
        await daemon?.stop()
        await proxy?.stop()
        await estate.close()
    }
}
