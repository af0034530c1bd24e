import StewardCore

/// Who may do what from Slack, from `steward.yaml`'s `slack:` section. Checked before anything
/// is read or written; a denial changes nothing.
///
/// In order:
/// 1. `allowed_channels` (if any) must hold the channel, and `allowed_users` (if any) the user.
/// 2. A rule in `permissions` for the environment, else for `*` — the exact verb
///    (`infra.teardown`) before its family (`infra`) — decides: the user (or `*`) must be listed.
/// 3. Without a rule: reads (list, status) are allowed; edits are refused unless
///    `allowed_users` or `allowed_channels` is set (closed by default: whitelisting is granting
///    network access); `infra.teardown` and `infra.spinup` are refused (they need someone named
///    for them); any edit of a `protected` environment is refused (it needs someone named for
///    it); other edits are allowed.
///
/// Users are matched by Slack user id only: names can be changed by their owners.
public struct SlackAccessPolicy: Sendable {
    public var settings: SlackSettings

    public init(settings: SlackSettings) {
        self.settings = settings
    }

    static let reads: Set<String> = ["whitelist.list", "bastion.status", "infra.status", "infra.drift"]
    static let namedOnly: Set<String> = ["infra.teardown", "infra.spinup"]

    /// The decision for `user` in `channel` running `intent`; `isProtected` is the environment's
    /// `protected:` flag from desired state.
    public func decide(user: String, channel: String?, intent: ChatIntent, isProtected: Bool) -> CommandAccessDecision {
        if case .help = intent { return .allowed }
        if !settings.allowedChannels.isEmpty, !settings.allowedChannels.contains(channel ?? "") {
            return .denied("Steward does not take commands in this channel; use one of: "
                + settings.allowedChannels.joined(separator: ", ") + " (slack.allowed_channels)")
        }
        if !settings.allowedUsers.isEmpty, !settings.allowedUsers.contains(user) {
            return .denied("you (\(user)) are not in slack.allowed_users; ask a Steward admin to add your user id")
        }
        let verb = Self.verbKey(intent)
        let environment = intent.environment?.rawValue ?? "*"
        let command = "/" + intent.auditAction
        if let (scope, key, users) = rule(for: verb, environment: environment) {
            if users.contains("*") || users.contains(user) { return .allowed }
            return .denied("only the users listed in slack.permissions.\(scope).\(key) may run `\(command)` on \(environment); "
                + "ask one of them, or a Steward admin to add your user id (\(user))")
        }
        if Self.reads.contains(verb) { return .allowed }
        if !settings.restrictsWho {
            return .denied(Self.closedByDefault)
        }
        if Self.namedOnly.contains(verb) {
            return .denied("`\(command)` needs explicit permission: a Steward admin must list your user id (\(user)) "
                + "under slack.permissions.\(environment).\(verb)")
        }
        if isProtected {
            return .denied("\(environment) is protected: edits from Slack need explicit permission; a Steward admin must list "
                + "your user id (\(user)) under slack.permissions.\(environment).\(verb)")
        }
        return .allowed
    }

    /// What a refused edit says when nobody has said who may edit.
    public static let closedByDefault = "Slack edits are closed until a Steward admin says who may make them: set slack.allowed_users "
        + "(user ids), slack.allowed_channels (channel ids), or a slack.permissions rule naming you for this command, in steward.yaml"

    /// `whitelist.add`, `infra.teardown`, … (help is never checked).
    static func verbKey(_ intent: ChatIntent) -> String {
        intent.auditAction.replacingOccurrences(of: " ", with: ".")
    }

    private func rule(for verb: String, environment: String) -> (scope: String, key: String, users: [String])? {
        let family = String(verb.prefix { $0 != "." })
        for scope in [environment, "*"] {
            guard let rules = settings.permissions[scope] else { continue }
            for key in [verb, family] {
                if let users = rules[key] { return (scope, key, users) }
            }
        }
        return nil
    }
}
