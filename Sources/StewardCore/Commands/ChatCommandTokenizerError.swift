/// Why a command line could not be split into words.
public enum ChatCommandTokenizerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A quote opened at `column` (1-based, in characters) and never closed.
    case unbalancedQuote(Character, column: Int)

    public var description: String {
        switch self {
        case .unbalancedQuote(let quote, let column):
            return "unbalanced quote: \(quote) at column \(column) is never closed; close it, or put the word in double quotes"
        }
    }
}
