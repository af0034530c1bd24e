/// One word of a command line, as the tokenizer found it.
public struct ChatCommandToken: Sendable, Hashable {
    /// The word with its quotes removed and escapes resolved.
    public var text: String
    /// True when the word opened with a quote: the parser then never reads it as an option,
    /// so a description such as `"--not an option"` stays a description.
    public var startsWithQuote: Bool
    /// 1-based column (in characters) of the word's first character, for error messages.
    public var column: Int

    public init(text: String, startsWithQuote: Bool, column: Int) {
        self.text = text
        self.startsWithQuote = startsWithQuote
        self.column = column
    }
}
