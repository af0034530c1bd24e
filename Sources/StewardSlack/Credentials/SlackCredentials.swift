import Foundation

/// The tokens Steward's Slack side needs: the app-level token opens Socket Mode connections,
/// the bot token posts messages, the signing secret checks HTTP-mode requests.
public struct SlackCredentials: Sendable, Hashable, CustomStringConvertible {
    public var appToken: SlackToken?
    public var botToken: SlackToken?
    public var signingSecret: SlackToken?

    public init(appToken: String? = nil, botToken: String? = nil, signingSecret: String? = nil) {
        self.appToken = appToken.map { SlackToken($0, kind: .app) }.flatMap { $0.isEmpty ? nil : $0 }
        self.botToken = botToken.map { SlackToken($0, kind: .bot) }.flatMap { $0.isEmpty ? nil : $0 }
        self.signingSecret = signingSecret.map { SlackToken($0, kind: .signingSecret) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// From `SLACK_APP_TOKEN`, `SLACK_BOT_TOKEN`, `SLACK_SIGNING_SECRET`.
    public static func fromEnvironment(_ environment: [String: String]) -> SlackCredentials {
        SlackCredentials(appToken: environment["SLACK_APP_TOKEN"], botToken: environment["SLACK_BOT_TOKEN"],
                         signingSecret: environment["SLACK_SIGNING_SECRET"])
    }

    /// Fills what is missing from a Secrets Manager secret string in the seed's layout,
    /// `{"bot_token": "...", "app_token": "..."}` (optionally `signing_secret`). Environment
    /// variables win: they are the more specific override.
    public func merging(secretJSON: String) throws(SlackError) -> SlackCredentials {
        guard let data = secretJSON.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            // Never echo the secret: it may be a token pasted as plain text.
            throw .missingCredential("the Slack secret is not a JSON object; store {\"bot_token\":\"xoxb-…\",\"app_token\":\"xapp-…\"}")
        }
        var merged = self
        if merged.botToken == nil, let text = object["bot_token"] as? String, !text.isEmpty {
            merged.botToken = SlackToken(text, kind: .bot)
        }
        if merged.appToken == nil, let text = object["app_token"] as? String, !text.isEmpty {
            merged.appToken = SlackToken(text, kind: .app)
        }
        if merged.signingSecret == nil, let text = object["signing_secret"] as? String, !text.isEmpty {
            merged.signingSecret = SlackToken(text, kind: .signingSecret)
        }
        return merged
    }

    public var description: String {
        "SlackCredentials(app: \(appToken == nil ? "unset" : "set"), bot: \(botToken == nil ? "unset" : "set"), "
            + "signing secret: \(signingSecret == nil ? "unset" : "set"))"
    }
}
