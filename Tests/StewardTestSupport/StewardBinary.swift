import Foundation

/// The built `steward` executable, run as a child process by end-to-end tests.
public enum StewardBinary {
    /// Next to the test bundle (`swift test` builds every product).
    public static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("steward").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("steward")
    }

    /// This process's environment without the developer's AWS, Steward and Slack settings,
    /// plus `extra`: a child sees only what the test gives it.
    public static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("STEWARD_") && !$0.key.hasPrefix("SLACK_")
        }
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    public static func process(_ arguments: [String], in directory: URL, environment extra: [String: String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment(extra)
        return process
    }

    /// Runs to completion without blocking a thread (see `ProcessRunner`); returns status and
    /// stdout followed by stderr.
    public static func launch(_ arguments: [String], in directory: URL, environment extra: [String: String]) async throws -> (status: Int32, output: String) {
        let result = try await ProcessRunner.run(url.path, arguments, environment: environment(extra), in: directory)
        return (result.status, result.stdout + result.stderr)
    }

    /// Runs to completion; returns status, stdout and stderr apart. Stderr goes to a file, so a
    /// child filling it can't block while stdout is drained.
    public static func runCapturing(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let process = process(arguments, in: directory, environment: environment)
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("steward-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Runs to completion; returns status and combined output.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = process(arguments, in: directory, environment: environment)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
