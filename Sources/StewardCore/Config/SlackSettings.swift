/// The `slack:` section of `steward.yaml`: how Slack reaches Steward, who may do what from it,
/// and where Steward tells people what happened. Tokens are never here (they are secrets:
/// environment variables or a Secrets Manager secret named by `secretID`).
public struct SlackSettings: Sendable, Hashable {
    /// How slash commands arrive.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Steward dials out to Slack over a WebSocket: no public endpoint needed.
        case socket
        /// Slack POSTs to Steward's `/slack/commands` request URL, signed with the signing secret.
        case http
    }

    public var mode: Mode = .socket
    /// Channel id (or name) for notifications via `chat.postMessage`; nil disables them.
    public var notifyChannel: String?
    /// Channel ids commands are accepted from; empty means any channel.
    public var allowedChannels: [String] = []
    /// Slack user ids allowed to run commands at all; empty means any user of the workspace.
    public var allowedUsers: [String] = []
    /// Per environment (or `*` for all), per verb key (`infra.teardown`, or a family such as
    /// `infra` for all its verbs), the Slack user ids allowed; `*` in a list means everyone.
    public var permissions: [String: [String: [String]]] = [:]
    /// How long before a bastion lease ends Steward warns.
    public var warnBeforeBastion: TimeSpan = .hours(1)
    /// How long before a whitelist entry expires Steward warns.
    public var warnBeforeWhitelist: TimeSpan = .hours(24)
    /// A Secrets Manager secret holding `{"bot_token","app_token"}` (the seed's layout), used
    /// when the token environment variables are not set.
    public var secretID: String?

    public init() {}

    /// Someone said which users or channels may command Steward: without that, edits from
    /// Slack are refused unless a permission rule names the user.
    public var restrictsWho: Bool { !allowedUsers.isEmpty || !allowedChannels.isEmpty }

    /// No edit from Slack can be allowed at all.
    public var editsAreClosed: Bool { !restrictsWho && permissions.isEmpty }

    /// The verb keys `permissions` accepts: each family alone, `family.verb` for every verb, and
    /// the drift commands (`infra.drift`, `infra.drift.ack`).
    public static var permissionKeys: [String] {
        ChatCommandFamily.allCases.flatMap { family in
            [family.rawValue] + ChatCommandUsage.verbs(of: family).filter { $0 != "help" }.map { "\(family.rawValue).\($0)" }
        } + ["infra.drift", "infra.drift.ack"]
    }
}
