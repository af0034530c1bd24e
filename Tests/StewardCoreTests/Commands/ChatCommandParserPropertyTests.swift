import PropertyBased
import StewardCore
import Testing

@Suite("ChatCommandParser — properties")
struct ChatCommandParserPropertyTests {
    typealias F = ChatFixture

    /// The parts of a `/whitelist add`, and how to spell them.
    struct AddParts: Sendable, CustomStringConvertible {
        var cidr: CIDR
        var bareAddress: Bool
        var note: String?
        var environment: String
        var ttlSeconds: Int?
        /// 0 "…", 1 “…”, 2 '…', 3 ‘…’, 4 bare words.
        var quoteStyle: Int
        var envWithEquals: Bool
        var ttlWithEquals: Bool
        /// Which of the six orders of description, --env and --ttl.
        var order: Int

        var cidrText: String { bareAddress && cidr.isSingleAddress ? cidr.addressText : cidr.description }
        var ttl: TimeSpan? { ttlSeconds.map(TimeSpan.init(seconds:)) }

        func segments(quoting: Bool) -> [[String]] {
            let env = envWithEquals ? ["--env=\(environment)"] : ["--env", environment]
            let ttlWords = ttl.map { ttlWithEquals ? ["--ttl=\($0)"] : ["--ttl", $0.description] } ?? []
            guard let note else { return [env, ttlWords] }
            let noteWords: [String]
            let looksLikeOption: Bool
            if quoting && quoteStyle < 4 {
                let quotes: [(String, String)] = [("\"", "\""), ("\u{201C}", "\u{201D}"), ("'", "'"), ("\u{2018}", "\u{2019}")]
                noteWords = [quotes[quoteStyle].0 + note + quotes[quoteStyle].1]
                looksLikeOption = false
            } else {
                noteWords = quoting ? note.split(separator: " ").map(String.init) : [note]
                looksLikeOption = noteWords.contains { $0.hasPrefix("-") }
            }
            // Option-like description words need `--` before them, and then must come last.
            if looksLikeOption { return [env, ttlWords, ["--"] + noteWords] }
            let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
            let parts = [noteWords, env, ttlWords]
            return orders[order % orders.count].map { parts[$0] }
        }

        var slackText: String {
            (["add", cidrText] + segments(quoting: true).flatMap { $0 }).joined(separator: " ")
                // What Slack does to every text it sends.
                .replacingOccurrences(of: "&", with: "&amp;")
        }

        var cliWords: [String] { ["add", cidrText] + segments(quoting: false).flatMap { $0 } }

        var expected: ChatIntent {
            .whitelistAdd(cidr: cidr, description: note, environment: F.env(environment), ttl: ttl ?? .days(7))
        }

        var description: String { slackText }
    }

    static let descriptionAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-:/()#,@[]+=&;{}!$*")

    static var cidr: Generator<CIDR, some SendableSequenceType> {
        zip(Gen.bool, Gen.uint32(), Gen.int(in: 24...32), Gen.uint64(), Gen.uint64(), Gen.int(in: 48...128))
            .map { pickV4, v4, prefix4, high, low, prefix6 in
                pickV4 ? CIDR(family: .ipv4, high: 0, low: UInt64(v4), maskingTo: prefix4)
                    : CIDR(family: .ipv6, high: high, low: low, maskingTo: prefix6)
            }
    }

    static var descriptionText: Generator<String?, some SendableSequenceType> {
        Gen<Character?>.element(of: descriptionAlphabet).map { $0! }.string(of: 1...8)
            .array(of: 1...4)
            .map { $0.joined(separator: " ") }
            .optional
    }

    static var parts: Generator<AddParts, some SendableSequenceType> {
        zip(cidr, Gen.bool, descriptionText, Gen<String?>.element(of: ["dev", "staging", "prod"]).map { $0! },
            Gen.int(in: 1...7_776_000).optional, Gen.int(in: 0...4), Gen.bool, Gen.bool, Gen.int(in: 0...5))
            .map { cidr, bare, description, environment, ttl, quoteStyle, envEquals, ttlEquals, order in
                AddParts(cidr: cidr, bareAddress: bare, note: description, environment: environment, ttlSeconds: ttl,
                         quoteStyle: quoteStyle, envWithEquals: envEquals, ttlWithEquals: ttlEquals, order: order)
            }
    }

    @Test func slackTextYieldsThePartsBack() async {
        await propertyCheck(count: 300, input: Self.parts) { parts in
            #expect(F.parser.parse(command: .whitelist, text: parts.slackText) == .success(parts.expected), "\(parts.slackText)")
        }
    }

    @Test func cliWordsYieldThePartsBack() async {
        await propertyCheck(count: 300, input: Self.parts) { parts in
            #expect(F.parser.parse(command: .whitelist, words: parts.cliWords) == .success(parts.expected), "\(parts.cliWords)")
        }
    }

    @Test func cliWordsRequotedParseAsSlackTextToo() async {
        // Echoing a CLI command as Slack text: options stay as they are, every other word is
        // quoted (which makes it literal, so `--` is no longer needed).
        await propertyCheck(count: 300, input: Self.parts) { parts in
            var cliWords = parts.cliWords
            if cliWords.count >= 2, cliWords[cliWords.count - 2] == "--", cliWords.last == parts.note {
                cliWords.remove(at: cliWords.count - 2)
            }
            let words = cliWords.map { word in
                word.hasPrefix("--") && word != parts.note ? word : ChatCommandTokenizer.quoted(word)
            }
            let text = words.joined(separator: " ").replacingOccurrences(of: "&", with: "&amp;")
            #expect(F.parser.parse(command: .whitelist, text: text) == .success(parts.expected), "\(text)")
        }
    }
}
