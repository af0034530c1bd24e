import Foundation

/// `steward run` as a child process for the Slack end-to-end tests (a trimmed copy of the
/// controller tests' helper): output captured to files, polled for lines, always stopped.
final class SlackDaemonProcess: @unchecked Sendable {
    // @unchecked: `Process` is not Sendable; after launch it is only signalled and polled.
    let process: Process
    private let stdoutURL: URL
    private let stderrURL: URL

    /// The built `steward` next to the test bundle (`swift test` builds every product).
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("steward").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("steward")
    }

    init(_ arguments: [String], in directory: URL, environment extra: [String: String]) throws {
        let id = UUID().uuidString.prefix(8)
        stdoutURL = directory.appendingPathComponent("run-\(id).out")
        stderrURL = directory.appendingPathComponent("run-\(id).err")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("STEWARD_") && !$0.key.hasPrefix("SLACK_")
        }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    func waitForLine(_ prefix: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count))
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw SlackDaemonError.timedOut(waitingFor: prefix, stdout: stdout, stderr: String(stderr.suffix(3000)))
    }

    /// SIGTERM, then waits (bounded) for exit; SIGKILL if it hangs. Nil if it had to be killed.
    @discardableResult
    func stop(timeout: Duration = .seconds(20)) async -> Int32? {
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

enum SlackDaemonError: Error, CustomStringConvertible {
    case timedOut(waitingFor: String, stdout: String, stderr: String)

    var description: String {
        switch self {
        case .timedOut(let what, let stdout, let stderr):
            return "steward run: timed out waiting for '\(what)'\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
        }
    }
}
