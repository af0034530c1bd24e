extension ChatCommandParser {
    /// One verb's arguments after options are split off: positional words in order, and each
    /// option's value under its lower-cased name (`--env`).
    struct ParsedArguments: Sendable, Hashable {
        var positionals: [String] = []
        var options: [String: String] = [:]
    }
}
