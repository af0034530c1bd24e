import ArgumentParser
import Foundation
import StewardController
import StewardCore

/// Runs CLI words through the slash-command grammar and handler, printing the bot's reply:
/// the CLI and Slack can't drift apart because they are the same code past argv.
enum ChatCommandRunner {
    static func run(_ family: ChatCommandFamily, words: [String], options: GlobalOptions, actor: String?) async throws {
        let context = try CommandContext(options: options)
        let now = Date()
        let snapshot = try context.store.load(now: now)
        let known = Set(snapshot.environments.keys).union(snapshot.failures.keys)
        let grammar = ChatCommandParser.GrammarContext(
            knownEnvironments: known, policy: context.configuration.policy,
            defaultEnvironment: context.configuration.defaultEnvironment, commandPrefix: "steward "
        )
        let intent: ChatIntent
        switch ChatCommandParser(context: grammar).parse(command: family, words: words) {
        case .success(let parsed): intent = parsed
        case .failure(let error):
            StandardError.write(ChatReply.error(error).text)
            throw ExitCode(1)
        }
        var handler = ChatCommandHandler(store: context.store, policy: context.configuration.policy, usage: grammar.usage)
        if let log = context.auditLog {
            handler.audit = { @Sendable record in try? await log.append(record) }
        }
        var controller: ControllerContext?
        let environment = ProcessInfo.processInfo.environment
        let isEdit = intent.edit(actor: "", now: now, policy: context.configuration.policy) != nil
        if CommandContext.awsConfigured(environment), isEdit || intent.asksForObservedStatus {
            controller = try? ControllerContext(base: context, environment: environment)
            if let controller {
                handler.guards.append(QuotaEditGuard(observer: controller.observer, configuration: context.configuration))
                handler.observedStatus = controller.statusSource
            }
        }
        let reply = await handler.handle(intent, actor: CommandContext.actor(actor), now: now)
        await controller?.shutdown()
        if reply.isError {
            StandardError.write(reply.text)
            throw ExitCode(1)
        }
        print(reply.text)
    }
}
