import Foundation
import Logging
import StewardCore

/// Answers a slash command: access check, the shared grammar and handler (so Slack and the CLI
/// give the same reply to the same words), and for an accepted edit a wake of the reconcile
/// loop and a follow-up once it has run. Only desired state is touched: never AWS. Every
/// command, allowed or denied, is audited.
public struct SlackCommandResponder: Sendable {
    public var store: any DesiredStateStore
    public var policy: Policy
    public var defaultEnvironment: EnvironmentName?
    public var access: SlackAccessPolicy
    /// The audit log (`AuditLog.append` in the daemon).
    public var audit: (@Sendable (AuditRecord) async -> Void)?
    /// Called after an edit is written: wakes the reconcile loop for that environment.
    public var onEdit: @Sendable (EnvironmentName) -> Void
    public var followUps: FollowUpTracker?
    public var now: @Sendable () -> Date
    let logger: Logger

    public init(store: any DesiredStateStore, policy: Policy, defaultEnvironment: EnvironmentName? = nil,
                access: SlackAccessPolicy, audit: (@Sendable (AuditRecord) async -> Void)? = nil,
                followUps: FollowUpTracker? = nil, logger: Logger = Logger(label: "steward.slack"),
                now: @escaping @Sendable () -> Date = { Date() },
                onEdit: @escaping @Sendable (EnvironmentName) -> Void = { _ in }) {
        self.store = store
        self.policy = policy
        self.defaultEnvironment = defaultEnvironment
        self.access = access
        self.audit = audit
        self.followUps = followUps
        self.logger = logger
        self.now = now
        self.onEdit = onEdit
    }

    public func respond(to command: SlashCommand) async -> SlackMessage {
        SlackMessage.reply(await reply(to: command))
    }

    /// The reply as the CLI would print it (the Slack rendering is `respond(to:)`).
    public func reply(to command: SlashCommand) async -> ChatReply {
        let now = self.now()
        let snapshot: DesiredStateSnapshot
        do {
            snapshot = try await store.load()
        } catch {
            let reply = ChatReply(text: "error: desired state could not be read, so nothing was changed: \(error)", isError: true)
            await record(command, action: command.command, environment: "", target: "", result: "refused", reply: reply, now: now)
            return reply
        }
        let grammar = ChatCommandParser.GrammarContext(
            knownEnvironments: Set(snapshot.environments.keys).union(snapshot.failures.keys),
            policy: policy, defaultEnvironment: defaultEnvironment, commandPrefix: "/")
        let intent: ChatIntent
        switch ChatCommandParser(context: grammar).parse(commandNamed: command.command, text: command.text) {
        case .success(let parsed):
            intent = parsed
        case .failure(let error):
            let reply = ChatReply.error(error)
            await record(command, action: command.command, environment: "", target: "", result: "refused", reply: reply, now: now)
            return reply
        }
        let environment = intent.environment
        let isProtected = environment.flatMap { snapshot.environments[$0]?.isProtected } ?? false
        if case .denied(let why) = access.decide(user: command.userID, channel: command.channelID, intent: intent, isProtected: isProtected) {
            let reply = ChatReply(text: "denied: \(why). Nothing was changed.", isError: true)
            await record(command, action: intent.auditAction, environment: environment?.rawValue ?? "", target: intent.auditTarget,
                         result: "denied", reply: reply, now: now)
            return reply
        }
        var handler = ChatCommandHandler(store: store, policy: policy, usage: grammar.usage)
        handler.audit = audit
        let reply = await handler.handle(intent, actor: command.userID, now: now, snapshot: snapshot)
        let isEdit = intent.edit(actor: command.userID, now: now, policy: policy) != nil
        if !isEdit {
            // The handler audits edits; reads and help are audited here.
            await record(command, action: intent.auditAction, environment: environment?.rawValue ?? "", target: intent.auditTarget,
                         result: reply.isError ? "refused" : "answered", reply: reply, now: now)
        }
        if isEdit, !reply.isError, let environment, reply.text.hasPrefix("queued:") {
            if let followUps, let url = command.responseURL {
                await followUps.register(environment: environment, responseURL: url,
                                         command: Self.shown(command), editedAt: self.now())
            }
            onEdit(environment)
        }
        return reply
    }

    private func record(_ command: SlashCommand, action: String, environment: String, target: String, result: String,
                        reply: ChatReply, now: Date) async {
        guard let audit else { return }
        await audit(AuditRecord(time: now, actor: command.userID, environment: environment, action: action, target: target,
                                result: result, reason: String(reply.text.prefix { $0 != "\n" })))
    }

    /// `/whitelist add 203.0.113.10 --env dev`, cut to a readable length.
    static func shown(_ command: SlashCommand) -> String {
        let text = (command.command + " " + command.text).trimmingCharacters(in: .whitespaces)
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }
}
