import PropertyBased
import StewardCore
import Testing

@Suite("ChatCommandTokenizer")
struct ChatCommandTokenizerTests {
    @Test("splits words", arguments: [
        ("", []),
        ("   \t\n ", []),
        ("add 203.0.113.10", ["add", "203.0.113.10"]),
        ("  add \t 203.0.113.10\n--env  dev ", ["add", "203.0.113.10", "--env", "dev"]),
        ("a\u{00A0}b", ["a", "b"]),
        ("a \"John office IP\" b", ["a", "John office IP", "b"]),
        ("'John office IP'", ["John office IP"]),
        ("\u{201C}John office IP\u{201D}", ["John office IP"]),
        ("\u{2018}John office IP\u{2019}", ["John office IP"]),
        ("\u{201D}both closing\u{201D}", ["both closing"]),
        ("\"straight open, smart close\u{201D}", ["straight open, smart close"]),
        ("'it\u{2019}", ["it"]),
        ("\"say \\\"hi\\\"\"", ["say \"hi\""]),
        ("\"smart \\\u{201C}escaped\\\u{201D}\"", ["smart \u{201C}escaped\u{201D}"]),
        ("\"back\\\\slash\"", ["back\\slash"]),
        ("\"C:\\temp\"", ["C:\\temp"]),
        ("C:\\temp", ["C:\\temp"]),
        ("'a\\b'", ["a\\b"]),
        ("\"it's\"", ["it's"]),
        ("'say \"hi\"'", ["say \"hi\""]),
        ("--env=\"dev\"", ["--env=dev"]),
        ("\"\"", [""]),
        ("a\"\"b", ["ab"]),
        ("\"a\"'b'c", ["abc"]),
    ] as [(String, [String])])
    func splits(text: String, words: [String]) throws {
        #expect(try ChatCommandTokenizer.words(in: text) == words)
    }

    @Test func recordsColumnsAndLeadingQuotes() throws {
        let tokens = try ChatCommandTokenizer.tokens(in: "add \u{201C}x y\u{201D}  --env=\"dev\"")
        #expect(tokens == [
            ChatCommandToken(text: "add", startsWithQuote: false, column: 1),
            ChatCommandToken(text: "x y", startsWithQuote: true, column: 5),
            ChatCommandToken(text: "--env=dev", startsWithQuote: false, column: 12),
        ])
    }

    @Test("unbalanced quotes name the column", arguments: [
        ("add \"John office", "\"", 5),
        ("add \u{201C}John office", "\u{201C}", 5),
        ("John\u{2019}s office", "\u{2019}", 5),
        ("it's", "'", 3),
        ("\"abc\\\"", "\"", 1),
        ("'a' 'b", "'", 5),
    ] as [(String, Character, Int)])
    func unbalanced(text: String, quote: Character, column: Int) {
        #expect(throws: ChatCommandTokenizerError.unbalancedQuote(quote, column: column)) {
            try ChatCommandTokenizer.words(in: text)
        }
    }

    @Test func unbalancedQuoteMessage() {
        #expect(ChatCommandTokenizerError.unbalancedQuote("\"", column: 18).description
            == "unbalanced quote: \" at column 18 is never closed; close it, or put the word in double quotes")
    }

    @Test("quoting leaves plain words alone", arguments: ["add", "203.0.113.10/32", "2001:db8::/48", "a=b", "x-y"])
    func plainWordsUnquoted(word: String) {
        #expect(ChatCommandTokenizer.quoted(word) == word)
    }

    @Test("quoting", arguments: [
        ("", "\"\""),
        ("John office", "\"John office\""),
        ("--env", "\"--env\""),
        ("\u{2014}env", "\"\u{2014}env\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""),
        ("a\\b", "\"a\\\\b\""),
        ("it's", "\"it's\""),
    ] as [(String, String)])
    func quotes(word: String, quoted: String) {
        #expect(ChatCommandTokenizer.quoted(word) == quoted)
    }

    /// Characters that stress the tokenizer: every quote kind, backslashes, whitespace kinds,
    /// dashes, and non-ASCII.
    static let awkward: [Character] = Array("ab Z09-_=.:/\t\"'\\\u{201C}\u{201D}\u{2018}\u{2019}\u{2014}\u{00A0}é&\n")

    @Test func quotedWordsRoundTrip() async {
        let word = Gen<Character?>.element(of: Self.awkward).map { $0! }.string(of: 0...8)
        let separator = Gen<String?>.element(of: [" ", "  ", "\t", "\n", " \u{00A0}"]).map { $0! }
        await propertyCheck(input: word.array(of: 0...6), separator.array(of: 6)) { words, separators in
            var text = ""
            for (index, word) in words.enumerated() {
                if index > 0 { text += separators[index % separators.count] }
                text += ChatCommandTokenizer.quoted(word)
            }
            #expect((try? ChatCommandTokenizer.words(in: text)) == words, "text: \(text)")
        }
    }

    @Test func singleQuotedWordsRoundTrip() async {
        let safe = Self.awkward.filter { !ChatCommandTokenizer.singleQuotes.contains($0) }
        let word = Gen<Character?>.element(of: safe).map { $0! }.string(of: 0...8)
        await propertyCheck(input: word.array(of: 0...6)) { words in
            let text = words.map { "'\($0)'" }.joined(separator: " ")
            #expect((try? ChatCommandTokenizer.words(in: text)) == words, "text: \(text)")
        }
    }

    @Test func joinedRoundTrips() async {
        let word = Gen<Character?>.element(of: Self.awkward).map { $0! }.string(of: 0...8)
        await propertyCheck(input: word.array(of: 0...6)) { words in
            #expect((try? ChatCommandTokenizer.words(in: ChatCommandTokenizer.joined(words))) == words)
        }
    }
}
