import ArgumentParser
import Foundation

/// `steward`: the CLI and the daemon. Subcommands mirror the slash commands one to one.
struct Steward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "Keeps AWS environments the way their desired state says.",
        version: StewardVersion.current,
        subcommands: [ValidateCommand.self, PlanCommand.self, ApplyCommand.self, RunCommand.self, HealthCommand.self, WhitelistCommand.self, InfraCommand.self,
                      BastionCommand.self, ExportCommand.self, DriftCommand.self]
    )
}

@main
enum StewardMain {
    /// Exit statuses are part of the CLI's contract: 0 success, 1 invalid input (including
    /// usage errors, which ArgumentParser would report as 64), messages on stderr.
    static func main() async {
        do {
            var command = try Steward.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            if Steward.exitCode(for: error) == .success {
                Steward.exit(withError: error) // --help, --version
            }
            StandardError.write(Steward.fullMessage(for: error))
            Foundation.exit(1)
        }
    }
}
