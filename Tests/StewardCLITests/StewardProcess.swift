import Foundation
import StewardTestSupport

/// Runs the built `steward` executable as a user would, capturing exit status and output; the
/// developer's AWS, Slack and Steward settings never reach it (see `StewardBinary`).
struct StewardProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Result {
        let result = try StewardBinary.runCapturing(arguments, in: directory, environment: ["USER": "tester"].merging(extra) { $1 })
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
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
