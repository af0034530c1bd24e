import Foundation

/// Runs the built `steward` executable as a user would, capturing exit status and output.
struct StewardProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The products directory holds both the test bundle and the `steward` executable.
    static var executable: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // On Linux arguments[0] is …/debug/StewardPackageTests.xctest; on macOS it may be inside the bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("steward").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("steward")
    }

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["STEWARD_CONFIG"] = nil
        environment["STEWARD_DESIRED_STATE"] = nil
        environment["USER"] = "tester"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting: a full pipe would otherwise block the child forever.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A scratch working directory with a `desired-state/` folder, removed afterwards.
final class Workspace {
    let root: URL
    var desiredState: URL { root.appendingPathComponent("desired-state") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("desired-state"), withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ relativePath: String, _ text: String) throws {
        try text.write(to: root.appendingPathComponent(relativePath), atomically: true, encoding: .utf8)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    func steward(_ arguments: String..., environment: [String: String] = [:]) throws -> StewardProcess.Result {
        try StewardProcess.run(arguments, in: root, environment: environment)
    }

    /// The repository's bundled desired state, copied in.
    func copyBundledDesiredState() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["dev.yaml", "staging.yaml"] {
            let source = repository.appendingPathComponent("desired-state").appendingPathComponent(name)
            try FileManager.default.copyItem(at: source, to: desiredState.appendingPathComponent(name))
        }
    }
}
