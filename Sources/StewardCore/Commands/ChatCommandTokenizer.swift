/// Splits command text into words, shell-like, with the quotes chat clients actually send.
///
/// - Whitespace (any amount, any kind, including the no-break spaces some clients insert)
///   separates words.
/// - `"…"` and `'…'` group words. Slack clients (and macOS/iOS keyboards) replace typed quotes
///   with typographic ones, and don't always pair them the way a typesetter would, so any of
///   `" “ ”` closes a section opened by any other, and any of `' ‘ ’` likewise.
/// - Inside double quotes a backslash escapes a following double quote (of any kind) or a
///   backslash; any other backslash stays as typed, so text like `C:\temp` survives. Single
///   quotes keep everything literally. Outside quotes a backslash is an ordinary character.
/// - Quotes may touch other characters (`--env="dev"` is the word `--env=dev`); `""` is an
///   empty word.
public enum ChatCommandTokenizer {
    public static let doubleQuotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}"]
    public static let singleQuotes: Set<Character> = ["'", "\u{2018}", "\u{2019}"]

    public static func tokens(in text: String) throws(ChatCommandTokenizerError) -> [ChatCommandToken] {
        var tokens: [ChatCommandToken] = []
        var current = ""
        var inWord = false
        var wordColumn = 0
        var wordStartsWithQuote = false
        // The quote family we are inside, with where it opened (for the error message).
        var openQuote: (character: Character, column: Int)?
        var pendingBackslash = false

        var column = 0
        for character in text {
            column += 1
            if let open = openQuote {
                if doubleQuotes.contains(open.character) {
                    if pendingBackslash {
                        pendingBackslash = false
                        if character == "\\" || doubleQuotes.contains(character) {
                            current.append(character)
                        } else {
                            current.append("\\")
                            current.append(character)
                        }
                        continue
                    }
                    if character == "\\" {
                        pendingBackslash = true
                    } else if doubleQuotes.contains(character) {
                        openQuote = nil
                    } else {
                        current.append(character)
                    }
                } else if singleQuotes.contains(character) {
                    openQuote = nil
                } else {
                    current.append(character)
                }
                continue
            }
            if character.isWhitespace {
                if inWord {
                    tokens.append(ChatCommandToken(text: current, startsWithQuote: wordStartsWithQuote, column: wordColumn))
                    current = ""
                    inWord = false
                }
                continue
            }
            let isQuote = doubleQuotes.contains(character) || singleQuotes.contains(character)
            if !inWord {
                inWord = true
                wordColumn = column
                wordStartsWithQuote = isQuote
            }
            if isQuote {
                openQuote = (character, column)
            } else {
                current.append(character)
            }
        }
        if let open = openQuote {
            throw .unbalancedQuote(open.character, column: open.column)
        }
        if inWord {
            tokens.append(ChatCommandToken(text: current, startsWithQuote: wordStartsWithQuote, column: wordColumn))
        }
        return tokens
    }

    public static func words(in text: String) throws(ChatCommandTokenizerError) -> [String] {
        try tokens(in: text).map(\.text)
    }

    /// The word as command text that tokenizes back to exactly this word: unchanged when it
    /// needs no quoting, else in double quotes with quotes and backslashes escaped. Words that
    /// look like options are quoted too, so the parser takes them literally.
    public static func quoted(_ word: String) -> String {
        guard needsQuoting(word) else { return word }
        var result = "\""
        for character in word {
            if character == "\\" || doubleQuotes.contains(character) { result.append("\\") }
            result.append(character)
        }
        result.append("\"")
        return result
    }

    /// Words joined into command text that tokenizes back to the same words.
    public static func joined(_ words: [String]) -> String {
        words.map(quoted).joined(separator: " ")
    }

    static func needsQuoting(_ word: String) -> Bool {
        guard let first = word.first else { return true }
        if first == "-" || first == "\u{2014}" || first == "\u{2013}" { return true }
        return word.contains { $0.isWhitespace || $0 == "\\" || doubleQuotes.contains($0) || singleQuotes.contains($0) }
    }
}
