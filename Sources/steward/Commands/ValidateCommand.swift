import ArgumentParser
import Foundation
import StewardCore
import StewardStore

struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the configuration and every desired-state file; show what each environment holds.",
        discussion: "Errors are printed as file:line:column: message, all of them at once. Exit 1 if any."
    )

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let context = try CommandContext(options: options)
        let now = Date()
        let snapshot = try await context.store.load()
        for warning in snapshot.warnings {
            StandardError.write(warning.description)
        }
        for error in snapshot.allErrors {
            StandardError.write(error.description)
        }
        print(ValidationSummary.render(snapshot, configuration: context.configuration, source: context.configurationSource, now: now))
        if !snapshot.isValid {
            throw ExitCode(1)
        }
    }
}
