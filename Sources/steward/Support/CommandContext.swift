import ArgumentParser
import Foundation
import StewardCore
import StewardStore

/// What every subcommand needs, resolved once: configuration, where desired state lives, the store.
struct CommandContext {
    let configuration: StewardConfiguration
    let configurationSource: ConfigurationSource
    let desiredStateDirectory: URL
    let store: YAMLDirectoryStore

    init(options: GlobalOptions, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        do {
            (configuration, configurationSource) = try ConfigurationLoader().load(
                explicitPath: options.configPath, environment: environment, currentDirectory: currentDirectory)
        } catch {
            throw CommandFailure(message: error.description)
        }
        let path = options.desiredStatePath ?? environment["STEWARD_DESIRED_STATE"] ?? configuration.desiredStatePath
        desiredStateDirectory = path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: desiredStateDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CommandFailure(message: "desired-state directory \(path) does not exist; create it with one <env>.yaml per environment, "
                + "or point --desired-state / STEWARD_DESIRED_STATE at it")
        }
        store = YAMLDirectoryStore(directory: desiredStateDirectory, policy: configuration.policy)
    }

    /// Who the CLI records as `added_by`.
    static func actor(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        explicit ?? environment["USER"] ?? environment["LOGNAME"] ?? "cli"
    }
}

/// A failure already explained in `message`: printed to stderr, exit 1.
struct CommandFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
