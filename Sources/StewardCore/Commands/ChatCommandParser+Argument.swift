import Foundation

extension ChatCommandParser {
    /// A word after tokenizing, with whether it may be read as an option.
    struct Argument: Sendable, Hashable {
        var text: String
        var mayBeOption: Bool

        var isOption: Bool { mayBeOption && text.count > 1 && text.hasPrefix("-") }
    }

    /// Marks what can be an option: not words that began with a quote, nothing after `--`.
    /// A leading em or en dash becomes `--`: chat clients "smarten" a typed `--` into one.
    static func arguments(_ words: [(text: String, mayBeOption: Bool)]) -> [Argument] {
        var result: [Argument] = []
        var optionsEnded = false
        for (text, mayBeOption) in words {
            guard mayBeOption, !optionsEnded else {
                result.append(Argument(text: text, mayBeOption: false))
                continue
            }
            var word = text
            if let first = word.first, first == "\u{2014}" || first == "\u{2013}" {
                word = "--" + word.dropFirst()
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            result.append(Argument(text: word, mayBeOption: true))
        }
        return result
    }

    /// Undoes the escaping Slack applies to all text it sends. `&amp;` goes last so that a
    /// literal `&lt;` typed by the person (sent as `&amp;lt;`) stays `&lt;`.
    static func unescapingSlackEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
