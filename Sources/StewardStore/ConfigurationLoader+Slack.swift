import Foundation
import StewardCore
import Yams

/// The `slack:` key of `steward.yaml`: mode, notification channel, access control, expiry
/// warnings and the Secrets Manager secret holding the tokens. Tokens themselves are refused
/// here: a config file is reviewed and committed, a token must not be.
extension ConfigurationLoader {
    static let slackTopLevelKeys = ["slack"]
    static let slackKeys = [
        "mode", "notify_channel", "allowed_channels", "allowed_users", "permissions", "warn_before", "secret_id",
    ]
    static let slackWarnBeforeKeys = ["bastion", "whitelist"]

    func decodeSlack(_ fields: NodeReader.Fields, into configuration: inout StewardConfiguration, reader: inout NodeReader) {
        guard let field = fields["slack"], !reader.isNull(field.value) else { return }
        guard let slack = reader.fields(of: field.value, what: "slack", known: Self.slackKeys, required: []) else { return }
        var settings = SlackSettings()
        if let field = slack["mode"], let text = reader.string(field.value, key: "mode") {
            if let mode = SlackSettings.Mode(rawValue: text) {
                settings.mode = mode
            } else {
                reader.error(field.value, "'mode' must be socket or http, found '\(text)'")
            }
        }
        if let field = slack["notify_channel"], !reader.isNull(field.value),
           let text = reader.string(field.value, key: "notify_channel") {
            if let problem = Self.slackNameProblem(text, key: "notify_channel") {
                reader.error(field.value, problem)
            } else {
                settings.notifyChannel = text
            }
        }
        if let field = slack["allowed_channels"] {
            settings.allowedChannels = slackNames(field.value, key: "allowed_channels", reader: &reader)
        }
        if let field = slack["allowed_users"] {
            settings.allowedUsers = slackNames(field.value, key: "allowed_users", reader: &reader)
        }
        if let field = slack["permissions"], !reader.isNull(field.value) {
            settings.permissions = slackPermissions(field.value, reader: &reader)
        }
        if let field = slack["warn_before"], !reader.isNull(field.value),
           let warn = reader.fields(of: field.value, what: "slack.warn_before", known: Self.slackWarnBeforeKeys, required: []) {
            if let span = slackSpan(warn["bastion"], key: "bastion", reader: &reader) { settings.warnBeforeBastion = span }
            if let span = slackSpan(warn["whitelist"], key: "whitelist", reader: &reader) { settings.warnBeforeWhitelist = span }
        }
        if let field = slack["secret_id"], !reader.isNull(field.value), let text = reader.string(field.value, key: "secret_id") {
            if text.isEmpty {
                reader.error(field.value, "'secret_id' is empty; name the Secrets Manager secret holding {\"bot_token\",\"app_token\"}, or remove the key")
            } else {
                settings.secretID = text
            }
        }
        configuration.slack = settings
    }

    /// Channel and user ids are short words; a token pasted by mistake is refused (and not echoed).
    static func slackNameProblem(_ text: String, key: String) -> String? {
        if text.hasPrefix("xox") || text.hasPrefix("xapp-") {
            return "'\(key)' looks like a Slack token; tokens belong in SLACK_BOT_TOKEN/SLACK_APP_TOKEN or a secret, never in steward.yaml"
        }
        if text.isEmpty || text.count > 80 || text.contains(where: { $0.isWhitespace }) {
            return "'\(key)' must be a Slack id such as C0123456789 or U0123456789 (no spaces), found '\(text)'"
        }
        return nil
    }

    private func slackNames(_ node: Node, key: String, reader: inout NodeReader) -> [String] {
        if reader.isNull(node) { return [] }
        guard let sequence = reader.sequence(node, key: key) else { return [] }
        var names: [String] = []
        for item in sequence {
            guard let text = reader.string(item, key: key) else { continue }
            if let problem = Self.slackNameProblem(text, key: key) {
                reader.error(item, problem)
            } else if !names.contains(text) {
                names.append(text)
            }
        }
        return names
    }

    /// `{<env>|'*': {<verb key>: [user ids]}}`.
    private func slackPermissions(_ node: Node, reader: inout NodeReader) -> [String: [String: [String]]] {
        guard case .mapping(let mapping) = node else {
            reader.error(node, "'permissions' must be a mapping of environment (or '*') to verbs and the user ids allowed them")
            return [:]
        }
        var permissions: [String: [String: [String]]] = [:]
        for (key, value) in mapping {
            guard let scope = reader.string(key, key: "permissions key") else { continue }
            if scope != "*" {
                do { _ = try EnvironmentName(scope) } catch {
                    reader.error(key, "permissions: \(error.description); use an environment name or '*'")
                    continue
                }
            }
            guard case .mapping(let verbs) = value else {
                reader.error(value, "permissions.\(scope) must be a mapping of verb (e.g. infra.teardown) to a list of user ids")
                continue
            }
            var rules: [String: [String]] = [:]
            for (verbKey, users) in verbs {
                guard let verb = reader.string(verbKey, key: "permissions.\(scope) key") else { continue }
                guard SlackSettings.permissionKeys.contains(verb) else {
                    let suggestion = NodeReader.closest(to: verb, in: SlackSettings.permissionKeys).map { "did you mean '\($0)'? " } ?? ""
                    reader.error(verbKey, "unknown verb '\(verb)' in permissions.\(scope); \(suggestion)"
                        + "allowed: \(SlackSettings.permissionKeys.joined(separator: ", "))")
                    continue
                }
                rules[verb] = slackNames(users, key: "permissions.\(scope).\(verb)", reader: &reader)
            }
            permissions[scope] = rules
        }
        return permissions
    }

    private func slackSpan(_ field: NodeReader.Field?, key: String, reader: inout NodeReader) -> TimeSpan? {
        guard let field, let text = reader.scalarText(field.value, key: key) else { return nil }
        do {
            return try TimeSpan(parsing: text)
        } catch {
            reader.error(field.value, "'warn_before.\(key)': \(error.description)")
            return nil
        }
    }
}
