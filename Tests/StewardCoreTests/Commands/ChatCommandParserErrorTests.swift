import StewardCore
import Testing

@Suite("ChatCommandParser — errors")
struct ChatCommandParserErrorTests {
    typealias F = ChatFixture
    static let known = [F.dev, F.prod, F.staging]
    static let bastionUsage = ["/bastion create|status|extend|destroy ENV", "/bastion help"]

    struct Case: Sendable, CustomTestStringConvertible {
        var family: ChatCommandFamily
        var text: String
        var reason: ChatCommandError.Reason
        var usage: [String]
        var testDescription: String { "/\(family.rawValue) \(text)" }
    }

    static func whitelist(_ text: String, _ reason: ChatCommandError.Reason, _ usage: [String] = [F.addUsage]) -> Case {
        Case(family: .whitelist, text: text, reason: reason, usage: usage)
    }

    static let cases: [Case] = [
        whitelist("add 203.0.113.10 \"John --env dev", .unbalancedQuote(.unbalancedQuote("\"", column: 18)), F.whitelistUsage),
        whitelist("add 203.0.113.10 \u{201C}John --env dev", .unbalancedQuote(.unbalancedQuote("\u{201C}", column: 18)), F.whitelistUsage),
        whitelist("ad 203.0.113.10", .unknownVerb("ad", family: .whitelist, suggestion: "add"), F.whitelistUsage),
        whitelist("delete 203.0.113.10", .unknownVerb("delete", family: .whitelist, suggestion: nil), F.whitelistUsage),
        whitelist("rm 203.0.113.10", .unknownVerb("rm", family: .whitelist, suggestion: nil), F.whitelistUsage),
        Case(family: .bastion, text: "craete dev", reason: .unknownVerb("craete", family: .bastion, suggestion: "create"), usage: bastionUsage),
        Case(family: .infra, text: "restart dev", reason: .unknownVerb("restart", family: .infra, suggestion: "start"),
             usage: ["/infra stop|start|teardown|spinup|status ENV", "/infra help"]),
        whitelist("add --env dev", .missingCIDR(command: "/whitelist add")),
        whitelist("remove --env dev", .missingCIDR(command: "/whitelist remove"), [F.removeUsage]),
        whitelist("list", .missingEnvironment(known: known), [F.listUsage]),
        Case(family: .bastion, text: "create", reason: .missingEnvironment(known: known), usage: ["/bastion create ENV"]),
        Case(family: .infra, text: "stop", reason: .missingEnvironment(known: known), usage: ["/infra stop ENV"]),
        whitelist("add 203.0.113.10", .environmentOptionRequired(known: known, hint: nil)),
        whitelist("add 203.0.113.10 dev", .environmentOptionRequired(known: known, hint: F.dev)),
        whitelist("remove 203.0.113.10", .environmentOptionRequired(known: known, hint: nil), [F.removeUsage]),
        whitelist("remove 203.0.113.10 dev", .extraArgument("dev", hint: "did you mean --env dev?"), [F.removeUsage]),
        whitelist("remove 203.0.113.10 now --env dev", .extraArgument("now", hint: nil), [F.removeUsage]),
        whitelist("list dev staging", .extraArgument("staging", hint: nil), [F.listUsage]),
        Case(family: .infra, text: "stop dev now", reason: .extraArgument("now", hint: nil), usage: ["/infra stop ENV"]),
        Case(family: .bastion, text: "create dev --env staging", reason: .environmentGivenTwice("dev", "staging"), usage: ["/bastion create ENV"]),
        whitelist("list devv", .unknownEnvironment("devv", known: known, suggestion: F.dev), [F.listUsage]),
        whitelist("add 203.0.113.10 --env qa", .unknownEnvironment("qa", known: known, suggestion: nil)),
        Case(family: .infra, text: "teardown production", reason: .unknownEnvironment("production", known: known, suggestion: F.prod),
             usage: ["/infra teardown ENV"]),
        Case(family: .bastion, text: "status Not_An_Env", reason: .unknownEnvironment("Not_An_Env", known: known, suggestion: nil),
             usage: ["/bastion status ENV"]),
        whitelist("add 203.0.113.10 --env dev --tll 3d",
                  .unknownOption("--tll", command: "/whitelist add", accepted: ["--env", "--ttl"], suggestion: "--ttl")),
        whitelist("add 203.0.113.10 --environment dev",
                  .unknownOption("--environment", command: "/whitelist add", accepted: ["--env", "--ttl"], suggestion: "--env")),
        whitelist("remove 203.0.113.10 --env dev --ttl 3d",
                  .unknownOption("--ttl", command: "/whitelist remove", accepted: ["--env"], suggestion: nil), [F.removeUsage]),
        Case(family: .infra, text: "stop dev --force", reason: .unknownOption("--force", command: "/infra stop", accepted: ["--env"], suggestion: nil),
             usage: ["/infra stop ENV"]),
        whitelist("add 203.0.113.10 --env", .missingOptionValue("--env")),
        whitelist("add 203.0.113.10 --env= --ttl 3d", .missingOptionValue("--env")),
        whitelist("add 203.0.113.10 --env --ttl 3d", .missingOptionValue("--env")),
        whitelist("add 203.0.113.10 --env dev --ttl", .missingOptionValue("--ttl")),
        whitelist("add 203.0.113.10 --env dev --env staging", .duplicateOption("--env")),
        whitelist("add 203.0.113 --env dev", .invalidCIDR(.malformedAddress("203.0.113"))),
        whitelist("add 203.0.113.10/33 --env dev", .invalidCIDR(.prefixLengthOutOfRange(33, family: .ipv4))),
        whitelist("add 203.0.113.10/24 --env dev", .invalidCIDR(.hostBitsSet("203.0.113.10/24", canonical: F.cidr("203.0.113.0/24")))),
        whitelist("add 2001:db8::1/48 --env dev", .invalidCIDR(.hostBitsSet("2001:db8::1/48", canonical: F.cidr("2001:db8::/48")))),
        whitelist("remove 203.0.113.10/24 --env dev",
                  .invalidCIDR(.hostBitsSet("203.0.113.10/24", canonical: F.cidr("203.0.113.0/24"))), [F.removeUsage]),
        whitelist("add 10.0.0.0/8 --env dev", .cidrRefused(Policy.default.violation(for: F.cidr("10.0.0.0/8"))!)),
        whitelist("add 0.0.0.0/0 --env dev", .cidrRefused(Policy.default.violation(for: F.cidr("0.0.0.0/0"))!)),
        whitelist("add ::/0 --env dev", .cidrRefused(Policy.default.violation(for: F.cidr("::/0"))!)),
        whitelist("add 203.0.113.10 \"caf\u{E9} wifi\" --env dev", .invalidDescription(Policy.default.violation(forDescription: "caf\u{E9} wifi")!)),
        whitelist("add 203.0.113.10 \"a <b>\" --env dev", .invalidDescription(Policy.default.violation(forDescription: "a <b>")!)),
        whitelist("add 203.0.113.10 --env dev --ttl 7x", .invalidDuration(.malformed("7x"))),
        whitelist("add 203.0.113.10 --env dev --ttl=-1d", .invalidDuration(.malformed("-1d"))),
        whitelist("add 203.0.113.10 --env dev --ttl 0d", .invalidDuration(.zero("0d"))),
        whitelist("add 203.0.113.10 --env dev --ttl 91d", .ttlOverMaximum(requested: .days(91), maximum: .days(90))),
        whitelist("add 203.0.113.10 --env dev --ttl 13w", .ttlOverMaximum(requested: .days(91), maximum: .days(90))),
    ]

    @Test("every error gives its reason and the usage", arguments: cases)
    func error(_ testCase: Case) throws {
        let error = try #require(F.parser.parse(command: testCase.family, text: testCase.text).failure)
        #expect(error.reason == testCase.reason)
        #expect(error.usage == testCase.usage)
        let lines = error.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == testCase.reason.description)
        #expect(lines.dropFirst().first == "Usage: " + testCase.usage[0])
        #expect(lines.count == 1 + testCase.usage.count)
    }

    @Test("reason texts", arguments: [
        (ChatCommandError.Reason.unknownVerb("ad", family: .whitelist, suggestion: "add"), "unknown whitelist verb 'ad'; did you mean 'add'?"),
        (.unknownVerb("rm", family: .whitelist, suggestion: nil), "unknown whitelist verb 'rm'; expected one of add, remove, list, help"),
        (.missingCIDR(command: "/whitelist add"), "missing CIDR: `/whitelist add` needs the network, e.g. 203.0.113.10 or 2001:db8::/48"),
        (.missingEnvironment(known: known), "missing environment: say which one (known: dev, prod, staging)"),
        (.environmentOptionRequired(known: known, hint: nil),
         "--env is required: no default environment is configured (known: dev, prod, staging)"),
        (.environmentOptionRequired(known: known, hint: F.dev),
         "--env is required: no default environment is configured (known: dev, prod, staging); did you mean --env dev?"),
        (.environmentOptionRequired(known: [], hint: nil),
         "--env is required: no default environment is configured (no environments exist yet; add desired-state/<env>.yaml)"),
        (.environmentGivenTwice("dev", "staging"), "environment given twice ('dev' and 'staging'); give it once"),
        (.unknownEnvironment("devv", known: known, suggestion: F.dev), "unknown environment 'devv'; did you mean 'dev'? (known: dev, prod, staging)"),
        (.unknownEnvironment("qa", known: known, suggestion: nil), "unknown environment 'qa' (known: dev, prod, staging)"),
        (.extraArgument("dev", hint: "did you mean --env dev?"), "unexpected extra argument 'dev'; did you mean --env dev?"),
        (.extraArgument("now", hint: nil), "unexpected extra argument 'now'; remove it"),
        (.unknownOption("--tll", command: "/whitelist add", accepted: ["--env", "--ttl"], suggestion: "--ttl"),
         "unknown option '--tll' for `/whitelist add`; did you mean --ttl?"),
        (.unknownOption("--ttl", command: "/whitelist remove", accepted: ["--env"], suggestion: nil),
         "unknown option '--ttl' for `/whitelist remove`; it takes --env"),
        (.missingOptionValue("--env"), "--env needs a value, e.g. --env dev"),
        (.missingOptionValue("--ttl"), "--ttl needs a value, e.g. --ttl 7d"),
        (.duplicateOption("--env"), "--env given more than once; give it once"),
        (.invalidCIDR(.hostBitsSet("203.0.113.10/24", canonical: F.cidr("203.0.113.0/24"))),
         "bad CIDR: '203.0.113.10/24' has host bits set; the network is 203.0.113.0/24 (write that, or the /32 of the single address)"),
        (.invalidCIDR(.malformedAddress("203.0.113")), "bad CIDR: '203.0.113' is not an IPv4 or IPv6 address"),
        (.cidrRefused(Policy.default.violation(for: F.cidr("10.0.0.0/8"))!),
         "refused: 10.0.0.0/8 is wider than policy allows (/24 or narrower for IPv4); whitelist the specific addresses, or raise policy.minimum_prefix_length_ipv4"),
        (.invalidDuration(.malformed("7x")), "bad --ttl: '7x' is not a duration; expected e.g. 30m, 3h, 7d, 2w or 1d12h"),
        (.ttlOverMaximum(requested: .days(91), maximum: .days(90)), "--ttl 91d is longer than the maximum TTL of 90d; ask for 90d or less"),
        (.unbalancedQuote(.unbalancedQuote("\"", column: 18)),
         "unbalanced quote: \" at column 18 is never closed; close it, or put the word in double quotes"),
    ] as [(ChatCommandError.Reason, String)])
    func reasonText(reason: ChatCommandError.Reason, text: String) {
        #expect(reason.description == text)
    }

    @Test func fullErrorText() {
        let error = F.parser.parse(command: .whitelist, text: "add 203.0.113.10 --env dev --ttl 91d").failure
        #expect(error?.description == """
            --ttl 91d is longer than the maximum TTL of 90d; ask for 90d or less
            Usage: /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
            """)
        let verb = F.parser.parse(command: .whitelist, text: "ad 203.0.113.10").failure
        #expect(verb?.description == """
            unknown whitelist verb 'ad'; did you mean 'add'?
            Usage: /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
                   /whitelist remove CIDR [--env ENV]
                   /whitelist list ENV
                   /whitelist help
            """)
    }

    @Test func cliSpellingInUsage() {
        let parser = ChatCommandParser(context: .init(knownEnvironments: F.known, commandPrefix: "steward "))
        let error = parser.parse(command: .whitelist, words: ["add", "203.0.113.10"]).failure
        #expect(error?.description == """
            --env is required: no default environment is configured (known: dev, prod, staging)
            Usage: steward whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
            """)
    }

    @Test func wordsReportTheSameErrors() {
        #expect(F.parser.parse(command: .whitelist, words: ["add", "203.0.113.10/24", "--env", "dev"]).failure?.reason
            == .invalidCIDR(.hostBitsSet("203.0.113.10/24", canonical: F.cidr("203.0.113.0/24"))))
        #expect(F.parser.parse(command: .infra, words: ["nap", "dev"]).failure?.reason
            == .unknownVerb("nap", family: .infra, suggestion: nil))
    }

    @Test func maximumTTLComesFromPolicy() {
        var policy = Policy()
        policy.maximumTTL = .days(30)
        let parser = ChatCommandParser(context: .init(knownEnvironments: F.known, policy: policy))
        #expect(parser.parse(command: .whitelist, text: "add 203.0.113.10 --env dev --ttl 31d").failure?.reason
            == .ttlOverMaximum(requested: .days(31), maximum: .days(30)))
    }

    @Test func noEnvironmentsKnown() {
        let parser = ChatCommandParser(context: .init(knownEnvironments: []))
        #expect(parser.parse(command: .bastion, text: "create dev").failure?.reason
            == .unknownEnvironment("dev", known: [], suggestion: nil))
    }
}
