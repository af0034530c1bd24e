import ArgumentParser
import Foundation
import StewardCore
import StewardStore

/// `steward export --env E`: the merged desired state of one environment (YAML and DynamoDB
/// together) as a canonical desired-state file, for moving entries into a reviewed PR.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print an environment's merged desired state as a canonical desired-state file.",
        discussion: "The output is what `steward validate` accepts as desired-state/<env>.yaml. Overrides from DynamoDB are folded in."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml }

    @OptionGroup var options: GlobalOptions
    @Option(help: "The environment to export.") var env: String
    @Option(help: "Output format (yaml).") var format: Format = .yaml

    func run() async throws {
        let environment: EnvironmentName
        do { environment = try EnvironmentName(env) } catch { throw CommandFailure(message: "--env \(env): \(error)") }
        let context = try CommandContext(options: options)
        let snapshot: DesiredStateSnapshot
        do { snapshot = try await context.store.load() } catch { throw CommandFailure(message: "\(error)") }
        if let diagnostics = snapshot.failures[environment] {
            throw CommandFailure(message: "\(environment) is unreadable, so nothing was exported:\n"
                + diagnostics.map(\.description).joined(separator: "\n"))
        }
        guard let state = snapshot.environments[environment] else {
            throw CommandFailure(message: "no environment named \(environment) in \(context.desiredState.description)")
        }
        var exported = state
        exported.overrides = nil
        let header = "# Exported by `steward export --env \(environment)` from \(context.desiredState.description).\n"
        print(DesiredStateEncoder().encode(exported, header: header), terminator: "")
    }
}
