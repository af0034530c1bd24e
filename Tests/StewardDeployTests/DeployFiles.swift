import Foundation
import StewardTestSupport

/// The repository's deployment files and the tools that check them. On CI (`CI=true`) a
/// missing tool is a failure, never a skip: `.ci/run` installs python-hcl2 and checkov.
enum DeployFiles {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static func url(_ relativePath: String) -> URL {
        repository.appendingPathComponent(relativePath)
    }

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    static var python: String? { ProcessRunner.which("python3") }

    /// `checkov` from `$STEWARD_CHECKOV`, then the virtualenv `.ci/run` makes (checkov pins its own
    /// boto3, which must not replace the one the AWS tests use), then the PATH.
    static var checkov: String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["STEWARD_CHECKOV"], FileManager.default.isExecutableFile(atPath: explicit) { return explicit }
        let venv = url(".build/checkov-venv/bin/checkov").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return ProcessRunner.which("checkov")
    }

    static var hasHCL2: Bool {
        guard let python else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import hcl2"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    /// The sorted, de-duplicated actions of an IAM policy document in JSON.
    static func actions(ofPolicyJSON data: Data) throws -> Set<String> {
        struct Policy: Decodable {
            struct Statement: Decodable {
                var Action: Actions
            }
            enum Actions: Decodable {
                case one(String), many([String])
                init(from decoder: any Decoder) throws {
                    let container = try decoder.singleValueContainer()
                    if let one = try? container.decode(String.self) { self = .one(one) } else { self = .many(try container.decode([String].self)) }
                }
                var list: [String] {
                    switch self {
                    case .one(let action): return [action]
                    case .many(let actions): return actions
                    }
                }
            }
            var Statement: [Statement]
        }
        return Set(try JSONDecoder().decode(Policy.self, from: data).Statement.flatMap(\.Action.list))
    }
}
