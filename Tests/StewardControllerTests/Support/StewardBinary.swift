import Foundation
import StewardTestSupport

/// The built `steward` executable, run as a child process by end-to-end tests.
enum StewardBinary {
    static var url: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("steward").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("steward")
    }

    static func process(_ arguments: [String], in directory: URL, environment extra: [String: String]) -> Process {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("STEWARD_") }
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        return process
    }

    /// Runs to completion without blocking a thread (see `ProcessRunner`); returns status and
    /// stdout followed by stderr.
    static func launch(_ arguments: [String], in directory: URL, environment extra: [String: String]) async throws -> (status: Int32, output: String) {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") && !$0.key.hasPrefix("STEWARD_") }
        for (key, value) in extra { environment[key] = value }
        let result = try await ProcessRunner.run(url.path, arguments, environment: environment, in: directory)
        return (result.status, result.stdout + result.stderr)
    }

    /// Runs to completion; returns status and combined output.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String]) throws -> (status: Int32, output: String) {
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
