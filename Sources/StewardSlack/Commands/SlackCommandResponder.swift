import Foundation
import Logging
import StewardCore

/// Answers a slash command through the one command session (so Slack and the CLI give the same
/// reply to the same words, with the same guards and the same status from AWS), deciding
/// access with the `slack:` rules; for an accepted edit, wakes the reconcile loop and follows
/// up once it has run. Only desired state is touched: never AWS.
public struct SlackCommandResponder: Sendable {
    public var session: CommandSession
    public var access: SlackAccessPolicy
    /// The workspace and app commands must come from.
    public var workspace: SlackWorkspace
    /// Called after an edit is written: wakes the reconcile loop for that environment.
    public var onEdit: @Sendable (EnvironmentName) -> Void
    public var followUps: FollowUpTracker?
    let logger: Logger

    public init(session: CommandSession, access: SlackAccessPolicy, workspace: SlackWorkspace = SlackWorkspace(), followUps: FollowUpTracker? = nil,
                logger: Logger = Logger(label: "steward.slack"), onEdit: @escaping @Sendable (EnvironmentName) -> Void = { _ in }) {
        self.session = session
        self.access = access
        self.workspace = workspace
        self.followUps = followUps
        self.logger = logger
        self.onEdit = onEdit
    }

    /// A session of its own over `store`, without guards or AWS status (tests, HTTP mode alone).
    public init(store: any DesiredStateStore, policy: Policy, defaultEnvironment: EnvironmentName? = nil,
                access: SlackAccessPolicy, audit: (@Sendable (AuditRecord) async -> Void)? = nil,
                followUps: FollowUpTracker? = nil, logger: Logger = Logger(label: "steward.slack"),
                now: @escaping @Sendable () -> Date = { Date() },
                onEdit: @escaping @Sendable (EnvironmentName) -> Void = { _ in }) {
        let session = CommandSession(store: store, policy: policy, defaultEnvironment: defaultEnvironment, audit: audit, commandPrefix: "/", clock: now)
        self.init(session: session, access: access, followUps: followUps, logger: logger, onEdit: onEdit)
    }

    public func respond(to command: SlashCommand) async -> SlackMessage {
        SlackMessage.reply(await reply(to: command))
    }

    /// The reply as the CLI would print it (the Slack rendering is `respond(to:)`).
    public func reply(to command: SlashCommand) async -> ChatReply {
        let access = self.access
        // A redelivery keeps the trigger id, so the store can apply its edit once even when
        // another replica received the first delivery.
        let request = CommandRequest(.slash(command: command.command, text: command.text), actor: command.userID, channel: command.channelID,
                                     deliveryID: command.triggerID.map { "slack:\(command.userID):\($0)" })
        if let foreign = workspace.refusal(for: command) {
            logger.warning("slash command refused: \(foreign)", metadata: ["user": "\(command.userID)"])
            return await session.refuse(request, because: foreign).reply
        }
        let outcome = await session.run(request) { intent, isProtected in
            access.decide(user: command.userID, channel: command.channelID, intent: intent, isProtected: isProtected)
        }
        if let environment = outcome.editedEnvironment {
            if let followUps, let url = command.responseURL {
                await followUps.register(id: command.envelopeID ?? command.triggerID, environment: environment, responseURL: url,
                                         command: Self.shown(command), editedAt: session.clock())
            }
            onEdit(environment)
        }
        return outcome.reply
    }

    /// `/whitelist add 203.0.113.10 --env dev`, cut to a readable length.
    static func shown(_ command: SlashCommand) -> String {
        let text = (command.command + " " + command.text).trimmingCharacters(in: .whitespaces)
        return text.count > 120 ? String(text.prefix(119)) + "…" : text
    }
}
