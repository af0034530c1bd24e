import Foundation

/// A slash-command invocation: the payload of a `slash_commands` envelope, or the form body of
/// an HTTP-mode request (the same fields either way). `token` (legacy verification) is ignored.
public struct SlashCommand: Sendable, Hashable, Codable {
    public var command: String
    public var text: String
    public var userID: String
    public var userName: String?
    public var channelID: String?
    public var channelName: String?
    public var teamID: String?
    /// The app the command was sent to.
    public var apiAppID: String?
    public var responseURL: String?
    public var triggerID: String?
    /// The Socket Mode envelope it came in (not part of the payload): the key of its follow-up.
    public var envelopeID: String?

    enum CodingKeys: String, CodingKey {
        case command, text
        case userID = "user_id"
        case userName = "user_name"
        case channelID = "channel_id"
        case channelName = "channel_name"
        case teamID = "team_id"
        case apiAppID = "api_app_id"
        case responseURL = "response_url"
        case triggerID = "trigger_id"
    }

    public init(command: String, text: String, userID: String, userName: String? = nil, channelID: String? = nil,
                channelName: String? = nil, teamID: String? = nil, apiAppID: String? = nil, responseURL: String? = nil, triggerID: String? = nil) {
        self.command = command
        self.text = text
        self.userID = userID
        self.userName = userName
        self.channelID = channelID
        self.channelName = channelName
        self.teamID = teamID
        self.apiAppID = apiAppID
        self.responseURL = responseURL
        self.triggerID = triggerID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        command = try container.decode(String.self, forKey: .command)
        text = try container.decodeIfPresent(String.self, forKey: .text) ?? ""
        userID = try container.decode(String.self, forKey: .userID)
        userName = try container.decodeIfPresent(String.self, forKey: .userName)
        channelID = try container.decodeIfPresent(String.self, forKey: .channelID)
        channelName = try container.decodeIfPresent(String.self, forKey: .channelName)
        teamID = try container.decodeIfPresent(String.self, forKey: .teamID)
        apiAppID = try container.decodeIfPresent(String.self, forKey: .apiAppID)
        responseURL = try container.decodeIfPresent(String.self, forKey: .responseURL)
        triggerID = try container.decodeIfPresent(String.self, forKey: .triggerID)
    }

    /// From an `application/x-www-form-urlencoded` body (HTTP mode); nil when `command` or
    /// `user_id` is missing.
    public init?(formBody: String) {
        var fields: [String: String] = [:]
        for pair in formBody.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.formDecode(parts[0]) else { continue }
            fields[key] = parts.count > 1 ? Self.formDecode(parts[1]) ?? "" : ""
        }
        guard let command = fields["command"], let user = fields["user_id"], !user.isEmpty else { return nil }
        self.init(command: command, text: fields["text"] ?? "", userID: user, userName: fields["user_name"],
                  channelID: fields["channel_id"], channelName: fields["channel_name"], teamID: fields["team_id"], apiAppID: fields["api_app_id"],
                  responseURL: fields["response_url"], triggerID: fields["trigger_id"])
    }

    private static func formDecode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// What makes two deliveries the same command: the same person typing the same words in
    /// the same invocation. A retry keeps the trigger id; a person repeating a command does not.
    var identity: String {
        [userID, command, text, triggerID ?? ""].joined(separator: "\u{1F}")
    }
}
