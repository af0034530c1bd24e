/// What the CLI prints and the Slack bot replies for a command: plain text that reads the same
/// in a terminal and as Slack mrkdwn. Texts are stable; tests compare them literally.
///
/// Slack escaping (`&`, `<`, `>`) and message-size limits are the Slack responder's job: the
/// same text goes to a terminal, where escapes would show.
public struct ChatReply: Sendable, Hashable, CustomStringConvertible {
    /// What kind of answer it is: callers decide on this, never on the text.
    public enum Kind: String, Sendable, Hashable {
        /// An edit of desired state was written; the reconciler will act on it.
        case queuedEdit
        /// A read, help, or an edit that changed nothing.
        case answer
        /// Refused or malformed: nothing was changed. The CLI exits 1 and prints to stderr,
        /// Slack keeps the reply ephemeral.
        case refusal
    }

    public var text: String
    public var kind: Kind

    public init(text: String, kind: Kind = .answer) {
        self.text = text
        self.kind = kind
    }

    public var isError: Bool { kind == .refusal }

    public var description: String { text }

    /// A refusal with its text.
    public static func refused(_ text: String) -> ChatReply {
        ChatReply(text: text, kind: .refusal)
    }

    public static func error(_ error: ChatCommandError) -> ChatReply {
        .refused("error: \(error)")
    }

    public static func error(_ error: DesiredStateEditError) -> ChatReply {
        .refused("error: \(error)")
    }

    /// What `help` (or the bare command) replies.
    public static func help(_ family: ChatCommandFamily, usage: ChatCommandUsage) -> ChatReply {
        ChatReply(text: usage.helpText(for: family))
    }
}
