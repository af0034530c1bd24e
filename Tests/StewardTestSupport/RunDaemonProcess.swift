import Foundation

/// A `steward run` child process for one test: output captured to files (read while it runs),
/// the bound address and first-reconcile line parsed from stdout. Always `stop()` it — the
/// tests call it on every path.
public final class RunDaemonProcess: @unchecked Sendable {
    // @unchecked: `Process` is not Sendable; after launch it is only signalled and polled.
    public let process: Process
    public let directory: URL
    private let stdoutURL: URL
    private let stderrURL: URL

    /// Starts `steward run ARGUMENTS` in `directory` with only the given environment (none
    /// of the developer's AWS, Steward or Slack settings leak in).
    public init(_ arguments: [String], in directory: URL, environment extra: [String: String]) throws {
        self.directory = directory
        let id = UUID().uuidString.prefix(8)
        stdoutURL = directory.appendingPathComponent("run-\(id).out")
        stderrURL = directory.appendingPathComponent("run-\(id).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process = Process()
        process.executableURL = StewardBinary.url
        process.arguments = ["run"] + arguments
        process.currentDirectoryURL = directory
        process.environment = StewardBinary.environment(["USER": "tester"].merging(extra) { $1 })
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    public var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// Polls stdout until a line starting with `prefix` appears; returns the rest of that line.
    public func waitForLine(_ prefix: String, timeout: Duration = .seconds(20)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count))
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw RunDaemonError.timedOut(waitingFor: prefix, stdout: stdout, stderr: String(stderr.suffix(3000)))
    }

    /// The base URL of the health/metrics server, from `listening on HOST:PORT`.
    public func baseURL() async throws -> String {
        "http://" + (try await waitForLine("listening on ")).trimmingCharacters(in: .whitespaces)
    }

    /// Sends one signal without waiting.
    public func signal(_ number: Int32) {
        if process.isRunning { kill(process.processIdentifier, number) }
    }

    /// Waits (bounded) for the process to exit on its own; nil if it is still running.
    public func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// SIGTERM, then waits (bounded) for exit; SIGKILL if it hangs. Returns the exit status
    /// (nil if it had to be killed).
    @discardableResult
    public func stop(timeout: Duration = .seconds(20)) async -> Int32? {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
            return nil
        }
        return process.terminationStatus
    }
}

public enum RunDaemonError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, stdout: String, stderr: String)

    public var description: String {
        switch self {
        case .timedOut(let what, let stdout, let stderr):
            return "steward run: timed out waiting for '\(what)'\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
        }
    }
}
