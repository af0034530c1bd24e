/// The one workspace and the one app Steward takes commands from, as Slack said at start
/// (`auth.test`). A command from another workspace (a shared channel, another installation) or
/// meant for another app is refused before anything else is looked at.
public struct SlackWorkspace: Sendable, Hashable {
    /// nil: not known (no bot token), so not checked.
    public var teamID: String?
    /// nil: not known (no app-level token), so not checked.
    public var appID: String?

    public init(teamID: String? = nil, appID: String? = nil) {
        self.teamID = teamID
        self.appID = appID
    }

    /// Why `command` is not for this Steward, or nil.
    public func refusal(for command: SlashCommand) -> String? {
        if let teamID, command.teamID != teamID {
            return "this command came from workspace \(command.teamID ?? "(none)"), not \(teamID), the one Steward serves; "
                + "commands from shared channels and other workspaces are not taken"
        }
        if let appID, command.apiAppID != appID {
            return "this command was sent to app \(command.apiAppID ?? "(none)"), not \(appID), Steward's app"
        }
        return nil
    }
}
