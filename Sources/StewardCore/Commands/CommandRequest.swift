/// A command as it arrived, before anything is decided about it.
public struct CommandRequest: Sendable, Hashable {
    /// The words, as Slack sends them (one text after the command name) or as the shell split them.
    public enum Words: Sendable, Hashable {
        case slash(command: String, text: String)
        case shell(ChatCommandFamily, [String])
    }

    public var words: Words
    /// Who asked: a Slack user id, a login.
    public var actor: String
    /// Where it was asked: a Slack channel id; nil on the command line.
    public var channel: String?
    /// The same for every delivery of one command (Slack's retries), nil when unknown: the store
    /// applies an edit with a known id once.
    public var deliveryID: String?

    public init(_ words: Words, actor: String, channel: String? = nil, deliveryID: String? = nil) {
        self.words = words
        self.actor = actor
        self.channel = channel
        self.deliveryID = deliveryID
    }

    /// What the store records of where the edit came from.
    var editContext: DesiredStateEditContext {
        let source: String
        switch words {
        case .slash: source = "slack"
        case .shell: source = "cli"
        }
        return DesiredStateEditContext(editID: deliveryID, source: source)
    }

    /// The command as its user typed it, for the audit log when it couldn't be parsed.
    var commandName: String {
        switch words {
        case .slash(let command, _): command
        case .shell(let family, _): family.rawValue
        }
    }
}
