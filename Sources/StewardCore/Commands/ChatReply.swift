/// What the CLI prints and the Slack bot replies for a command: plain text that reads the same
/// in a terminal and as Slack mrkdwn. Texts are stable; tests compare them literally.
///
/// Slack escaping (`&`, `<`, `>`) and message-size limits are the Slack responder's job: the
/// same text goes to a terminal, where escapes would show.
public struct ChatReply: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    /// True for refusals and malformed commands: the CLI exits 1 and prints to stderr, Slack
    /// keeps the reply ephemeral.
    public var isError: Bool

    public init(text: String, isError: Bool = false) {
        self.text = text
        self.isError = isError
    }

    public var description: String { text }

    public static func error(_ error: ChatCommandError) -> ChatReply {
        ChatReply(text: "error: \(error)", isError: true)
    }

    public static func error(_ error: DesiredStateEditError) -> ChatReply {
        ChatReply(text: "error: \(error)", isError: true)
    }

    /// What `help` (or the bare command) replies.
    public static func help(_ family: ChatCommandFamily, usage: ChatCommandUsage) -> ChatReply {
        ChatReply(text: usage.helpText(for: family))
    }
}
