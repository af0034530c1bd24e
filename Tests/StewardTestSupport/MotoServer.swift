import AsyncHTTPClient
import Foundation
import Synchronization
import NIOCore

/// A `moto_server` process on a free 127.0.0.1 port, for one test suite. Start with `start`
/// and always `stop` (or use `with`, which stops it however the body ends). A missing
/// moto_server is an error, never a skip: `.ci/run` installs `moto[server]`.
public final class MotoServer: @unchecked Sendable {
    // @unchecked: `Process` is not Sendable; it is only terminated and polled after launch.
    public let port: Int
    public let workingDirectory: URL
    private let process: Process
    /// True until the first `stop`, which gives the slot back exactly once.
    private let slotHeld = Mutex(true)
    public static let region = "us-east-1"
    public static let accessKeyID = "test"
    public static let secretAccessKey = "test"

    public var endpoint: String { "http://127.0.0.1:\(port)" }

    /// An environment for Steward's AWS client (and for the aws CLI / boto3) pointing at this
    /// server, with moto's default keys.
    public var clientEnvironment: [String: String] {
        [
            "AWS_ENDPOINT_URL": endpoint,
            "AWS_REGION": Self.region,
            "AWS_DEFAULT_REGION": Self.region,
            "AWS_ACCESS_KEY_ID": Self.accessKeyID,
            "AWS_SECRET_ACCESS_KEY": Self.secretAccessKey,
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        ]
    }

    private init(port: Int, workingDirectory: URL, process: Process) {
        self.port = port
        self.workingDirectory = workingDirectory
        self.process = process
    }

    /// Starts moto and waits (bounded) until `/moto-api/` answers.
    /// - Parameter initialNoAuthActionCount: when set, moto checks SigV4 signatures and IAM
    ///   policies after that many unauthenticated calls.
    public static func start(initialNoAuthActionCount: Int? = nil, readinessTimeout: Duration = .seconds(60)) async throws -> MotoServer {
        // Held until `stop`: see TestSlots.
        await TestSlots.peers.acquire()
        do {
            return try await launch(initialNoAuthActionCount: initialNoAuthActionCount, readinessTimeout: readinessTimeout)
        } catch {
            await TestSlots.peers.release()
            throw error
        }
    }

    private static func launch(initialNoAuthActionCount: Int?, readinessTimeout: Duration) async throws -> MotoServer {
        let environment = ProcessInfo.processInfo.environment
        guard let executable = environment["MOTO_SERVER"] ?? ProcessRunner.which("moto_server", environment: environment) else {
            throw MotoServerError.notInstalled(searched: environment["PATH"] ?? "")
        }
        let port = try FreePort.find()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-moto-\(port)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logURL = directory.appendingPathComponent("moto.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)

        var childEnvironment = environment.filter { !$0.key.hasPrefix("AWS_") }
        childEnvironment["AWS_ACCESS_KEY_ID"] = accessKeyID
        childEnvironment["AWS_SECRET_ACCESS_KEY"] = secretAccessKey
        childEnvironment["AWS_DEFAULT_REGION"] = region
        if let initialNoAuthActionCount {
            childEnvironment["INITIAL_NO_AUTH_ACTION_COUNT"] = String(initialNoAuthActionCount)
        }
        let process = Process()
        if let python = ProcessRunner.which("python3", environment: environment) {
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", supervisorScript, executable, "-H", "127.0.0.1", "-p", String(port)]
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        }
        process.environment = childEnvironment
        process.currentDirectoryURL = directory
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let server = MotoServer(port: port, workingDirectory: directory, process: process)
        do {
            try await server.waitUntilReady(timeout: readinessTimeout, logURL: logURL)
        } catch {
            // `start` gives the slot back.
            await server.terminate()
            throw error
        }
        return server
    }

    /// Runs `body` against a fresh server and stops the server afterwards, whatever happens.
    public static func with<T: Sendable>(initialNoAuthActionCount: Int? = nil, _ body: (MotoServer) async throws -> T) async throws -> T {
        try await start(initialNoAuthActionCount: initialNoAuthActionCount).use(body)
    }

    private func waitUntilReady(timeout: Duration, logURL: URL) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var pause = Duration.milliseconds(50)
        while clock.now < deadline {
            guard process.isRunning else { break }
            if let status = try? await call("GET", "/moto-api/", timeout: .seconds(1)), status.status == 200 {
                return
            }
            // Polling with a growing pause, bounded by the deadline.
            try await Task.sleep(for: pause)
            pause = min(pause * 2, .milliseconds(400))
        }
        let logText = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        throw MotoServerError.notReady(port: port, log: String(logText.suffix(2000)))
    }

    /// SIGTERM, then SIGKILL if it has not exited within ten seconds (the supervisor gives
    /// moto five); always reaped.
    public func stop() async {
        let releasing = slotHeld.withLock { held in
            defer { held = false }
            return held
        }
        await terminate()
        if releasing { await TestSlots.peers.release() }
    }

    private func terminate() async {
        guard process.isRunning else {
            try? FileManager.default.removeItem(at: workingDirectory)
            return
        }
        process.terminate()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(10)
        while process.isRunning, clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning {
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        try? FileManager.default.removeItem(at: workingDirectory)
    }

    /// Clears every service's state.
    public func reset() async throws {
        try await expectOK("POST", "/moto-api/reset")
    }

    /// Re-arms authentication: the next `count` calls are free, then signatures are checked.
    public func resetAuth(freeCalls count: Int) async throws {
        try await expectOK("POST", "/moto-api/reset-auth", body: String(count), contentType: "text/plain")
    }

    /// Arms signature and IAM checks after `count` more free calls. Works on a server started
    /// with `initialNoAuthActionCount` (any value; use a large one to set up first).
    public func enableAuth(afterFreeCalls count: Int = 0) async throws {
        try await resetAuth(freeCalls: count)
    }

    /// Makes generated ids deterministic.
    public func seed(_ value: Int) async throws {
        try await expectOK("POST", "/moto-api/seed?a=\(value)")
    }

    public func startRecording() async throws {
        try await expectOK("POST", "/moto-api/recorder/start-recording")
    }

    public func stopRecording() async throws {
        try await expectOK("POST", "/moto-api/recorder/stop-recording")
    }

    public func clearRecording() async throws {
        try await expectOK("POST", "/moto-api/recorder/clear-recording")
    }

    /// The recorded requests, one JSON object per line.
    public func downloadRecording() async throws -> String {
        let response = try await call("GET", "/moto-api/recorder/download-recording")
        guard response.status == 200 else { throw MotoServerError.apiFailed(path: "recorder/download-recording", status: response.status) }
        return response.body
    }

    private func expectOK(_ method: String, _ path: String, body: String? = nil, contentType: String? = nil) async throws {
        let response = try await call(method, path, body: body, contentType: contentType)
        guard (200..<300).contains(response.status) else {
            throw MotoServerError.apiFailed(path: path, status: response.status)
        }
    }

    private func call(_ method: String, _ path: String, body: String? = nil, contentType: String? = nil, timeout: Duration = .seconds(10)) async throws -> (status: Int, body: String) {
        var request = HTTPClientRequest(url: endpoint + path)
        request.method = .init(rawValue: method)
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(Int64(timeout.components.seconds)))
        let buffer = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return (Int(response.status.code), String(buffer: buffer))
    }

    // MARK: Independent cross-checks

    /// Runs the `aws` CLI against this server (`--endpoint-url` added, JSON output) and
    /// returns stdout; throws when it exits non-zero.
    public func aws(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> String {
        guard let executable = ProcessRunner.which("aws") else {
            throw CrossCheckError.missingTool("aws")
        }
        let result = try await ProcessRunner.run(executable, ["--endpoint-url", endpoint, "--output", "json"] + arguments, environment: toolEnvironment(extra))
        guard result.status == 0 else {
            throw CrossCheckError.failed(tool: "aws \(arguments.prefix(2).joined(separator: " "))", status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }

    /// Runs a Python script with `ENDPOINT` defined and boto3 configured for this server;
    /// returns stdout.
    public func boto3(_ script: String, environment extra: [String: String] = [:]) async throws -> String {
        guard let executable = ProcessRunner.which("python3") else {
            throw CrossCheckError.missingTool("python3")
        }
        let prelude = "import boto3, json, os\nENDPOINT = os.environ['AWS_ENDPOINT_URL']\n"
        let result = try await ProcessRunner.run(executable, ["-c", prelude + script], environment: toolEnvironment(extra))
        guard result.status == 0 else {
            throw CrossCheckError.failed(tool: "python3 (boto3)", status: result.status, stderr: result.stderr)
        }
        return result.stdout
    }

    private func toolEnvironment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        for (key, value) in clientEnvironment { environment[key] = value }
        environment["AWS_PAGER"] = ""
        for (key, value) in extra { environment[key] = value }
        return environment
    }
}

extension MotoServer: TestResource {
    public func close() async { await stop() }
}
