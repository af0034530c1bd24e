/// The one grammar of `/whitelist`, `/bastion` and `/infra`, shared by Slack (which sends the
/// text after the command) and the CLI (which passes its argument words), so the two can never
/// disagree on what a command means. Pure: it validates against the context it is given and
/// touches nothing.
///
/// ```
/// /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
/// /whitelist remove CIDR [--env ENV]
/// /whitelist list ENV
/// /bastion create|status|extend|destroy ENV
/// /infra stop|start|teardown|spinup|status ENV
/// /<command> help            (or no words at all, or --help anywhere)
/// ```
///
/// - Options come anywhere after the verb, as `--env dev` or `--env=dev`. A word that starts
///   with a quote is never an option, and `--` ends options (for descriptions starting with `-`).
///   A leading em or en dash counts as `--`, since chat clients turn a typed `--` into one.
/// - The description of `add` is every non-option word after the CIDR, joined by single spaces:
///   one quoted string keeps its spacing as typed, bare words need no quotes. Surrounding
///   whitespace is dropped; an empty description means the default ("added by <actor>").
/// - Verbs and environment names are matched case-insensitively.
/// - An environment may be given as a word or as `--env` for every verb that takes one.
public struct ChatCommandParser: Sendable {
    public var context: GrammarContext

    public init(context: GrammarContext) {
        self.context = context
    }

    /// Parses a Slack slash command's `text`. Slack escapes `&`, `<` and `>` in all text it
    /// sends as `&amp;`, `&lt;`, `&gt;`; they are unescaped word by word, after quoting is
    /// resolved.
    public func parse(command: ChatCommandFamily, text: String) -> Result<ChatIntent, ChatCommandError> {
        let tokens: [ChatCommandToken]
        do {
            tokens = try ChatCommandTokenizer.tokens(in: text)
        } catch {
            return .failure(ChatCommandError(.unbalancedQuote(error), usage: context.usage.usageLines(for: command)))
        }
        let arguments = Self.arguments(tokens.map { (Self.unescapingSlackEntities($0.text), !$0.startsWithQuote) })
        return Result { () throws(ChatCommandError) in try parse(command, arguments) }
    }

    /// Parses words already split by a shell (the CLI's arguments after the subcommand).
    public func parse(command: ChatCommandFamily, words: [String]) -> Result<ChatIntent, ChatCommandError> {
        let arguments = Self.arguments(words.map { ($0, true) })
        return Result { () throws(ChatCommandError) in try parse(command, arguments) }
    }

    /// As `parse(command:text:)`, with the command by name (`/whitelist` or `whitelist`).
    public func parse(commandNamed name: String, text: String) -> Result<ChatIntent, ChatCommandError> {
        guard let family = ChatCommandFamily(command: name) else { return .failure(unknownCommand(name)) }
        return parse(command: family, text: text)
    }

    /// As `parse(command:words:)`, with the command by name (`/whitelist` or `whitelist`).
    public func parse(commandNamed name: String, words: [String]) -> Result<ChatIntent, ChatCommandError> {
        guard let family = ChatCommandFamily(command: name) else { return .failure(unknownCommand(name)) }
        return parse(command: family, words: words)
    }

    private func unknownCommand(_ name: String) -> ChatCommandError {
        ChatCommandError(.unknownCommand(name), usage: context.usage.usageLinesForAllFamilies())
    }
}
