import ArgumentParser
import Foundation
import StewardCore

/// Runs CLI words through the command session — the one Slack uses — and prints its reply:
/// the CLI and Slack can't drift apart because they are the same code past argv.
enum ChatCommandRunner {
    static func run(_ family: ChatCommandFamily, words: [String], options: GlobalOptions, actor: String?) async throws {
        let context = try CommandContext(options: options)
        let environment = ProcessInfo.processInfo.environment
        // Offline (no AWS region configured) the session edits desired state without asking AWS.
        let controller = CommandContext.awsConfigured(environment) ? try? ControllerContext(base: context, environment: environment) : nil
        let session = controller?.commandSession(commandPrefix: "steward ") ?? CommandSession(
            store: context.store, policy: context.configuration.policy, defaultEnvironment: context.configuration.defaultEnvironment,
            audit: context.auditRecorder, commandPrefix: "steward ")
        let outcome = await session.run(CommandRequest(.shell(family, words), actor: CommandContext.actor(actor)))
        await controller?.shutdown()
        if outcome.reply.isError {
            StandardError.write(outcome.reply.text)
            throw ExitCode(1)
        }
        print(outcome.reply.text)
    }
}
