import StewardCore
import Testing

@Suite("ChatCommandParser — valid forms")
struct ChatCommandParserTests {
    typealias F = ChatFixture

    static func add(_ cidr: String, _ description: String?, _ environment: EnvironmentName = F.dev,
                    ttl: TimeSpan = .days(7)) -> ChatIntent {
        .whitelistAdd(cidr: F.cidr(cidr), description: description, environment: environment, ttl: ttl)
    }

    @Test("/whitelist", arguments: [
        ("add 203.0.113.10 --env dev", add("203.0.113.10/32", nil)),
        ("add 203.0.113.10/32 \"John office IP\" --env dev --ttl 3d", add("203.0.113.10/32", "John office IP", ttl: .days(3))),
        ("add 203.0.113.10 --ttl 3d --env dev \"John office IP\"", add("203.0.113.10/32", "John office IP", ttl: .days(3))),
        ("add --env=dev --ttl=1d12h 203.0.113.10 John office IP", add("203.0.113.10/32", "John office IP", ttl: .hours(36))),
        ("add 203.0.113.10 John --env staging office", add("203.0.113.10/32", "John office", F.staging)),
        ("add 203.0.113.10 \u{201C}John office IP\u{201D} \u{2014}env dev", add("203.0.113.10/32", "John office IP")),
        ("add 203.0.113.10 \u{2018}John office IP\u{2019} \u{2013}ttl 2w --env dev", add("203.0.113.10/32", "John office IP", ttl: .days(14))),
        ("add 203.0.113.10 'John office IP' --ENV Dev", add("203.0.113.10/32", "John office IP")),
        ("ADD 198.51.100.0/24 Office --env=dev", add("198.51.100.0/24", "Office")),
        ("add 2001:db8::/48 \"v6 office\" --env staging", add("2001:db8::/48", "v6 office", F.staging)),
        ("add 2001:DB8::1 --env dev", add("2001:db8::1/128", nil)),
        ("add 203.0.113.10 \"--not an option\" --env dev", add("203.0.113.10/32", "--not an option")),
        ("add 203.0.113.10 --env dev -- -temp- box", add("203.0.113.10/32", "-temp- box")),
        ("add 203.0.113.10 \"  spaced   out  \" --env dev", add("203.0.113.10/32", "spaced   out")),
        ("add 203.0.113.10 \"\" --env dev", add("203.0.113.10/32", nil)),
        ("add 203.0.113.10 \"R&amp;D lab\" --env dev", add("203.0.113.10/32", "R&D lab")),
        ("add 203.0.113.10 --env dev --ttl 90d", add("203.0.113.10/32", nil, ttl: .days(90))),
        ("remove 203.0.113.10 --env dev", .whitelistRemove(cidr: F.cidr("203.0.113.10/32"), environment: F.dev)),
        ("remove --env=prod 2001:db8::/48", .whitelistRemove(cidr: F.cidr("2001:db8::/48"), environment: F.prod)),
        // Removal is not held to the prefix policy: what policy now forbids must still go.
        ("remove 10.0.0.0/8 --env dev", .whitelistRemove(cidr: F.cidr("10.0.0.0/8"), environment: F.dev)),
        ("list dev", .whitelistList(environment: F.dev)),
        ("list --env staging", .whitelistList(environment: F.staging)),
        ("LIST Staging", .whitelistList(environment: F.staging)),
        ("", .help(.whitelist)),
        ("   ", .help(.whitelist)),
        ("help", .help(.whitelist)),
        ("HELP", .help(.whitelist)),
        ("--help", .help(.whitelist)),
        ("-h", .help(.whitelist)),
        ("add --help", .help(.whitelist)),
        ("add 203.0.113.10 \u{2014}help", .help(.whitelist)),
    ] as [(String, ChatIntent)])
    func whitelist(text: String, intent: ChatIntent) {
        #expect(F.parser.parse(command: .whitelist, text: text) == .success(intent))
    }

    @Test("/bastion", arguments: [
        ("create dev", ChatIntent.bastion(.create, environment: F.dev)),
        ("status staging", .bastion(.status, environment: F.staging)),
        ("extend --env prod", .bastion(.extend, environment: F.prod)),
        ("destroy --env=dev", .bastion(.destroy, environment: F.dev)),
        ("Create DEV", .bastion(.create, environment: F.dev)),
        ("", .help(.bastion)),
        ("help", .help(.bastion)),
    ])
    func bastion(text: String, intent: ChatIntent) {
        #expect(F.parser.parse(command: .bastion, text: text) == .success(intent))
    }

    @Test("/infra", arguments: [
        ("stop dev", ChatIntent.infra(.stop, environment: F.dev)),
        ("start dev", .infra(.start, environment: F.dev)),
        ("teardown staging", .infra(.teardown, environment: F.staging)),
        ("spinup --env staging", .infra(.spinup, environment: F.staging)),
        ("status prod", .infra(.status, environment: F.prod)),
        ("  stop \t 'dev' ", .infra(.stop, environment: F.dev)),
        ("", .help(.infra)),
        ("help", .help(.infra)),
    ])
    func infra(text: String, intent: ChatIntent) {
        #expect(F.parser.parse(command: .infra, text: text) == .success(intent))
    }

    @Test("the default environment serves /whitelist only", arguments: [
        ("add 203.0.113.10", add("203.0.113.10/32", nil)),
        ("add 203.0.113.10 Office", add("203.0.113.10/32", "Office")),
        ("add 203.0.113.10 --env staging", add("203.0.113.10/32", nil, F.staging)),
        ("remove 203.0.113.10", .whitelistRemove(cidr: F.cidr("203.0.113.10/32"), environment: F.dev)),
        ("list", .whitelistList(environment: F.dev)),
    ] as [(String, ChatIntent)])
    func defaultEnvironment(text: String, intent: ChatIntent) {
        #expect(F.parserWithDefault.parse(command: .whitelist, text: text) == .success(intent))
    }

    @Test func defaultEnvironmentDoesNotReachBastionOrInfra() {
        #expect(F.parserWithDefault.parse(command: .infra, text: "stop").failure?.reason == .missingEnvironment(known: [F.dev, F.prod, F.staging]))
        #expect(F.parserWithDefault.parse(command: .bastion, text: "create").failure?.reason == .missingEnvironment(known: [F.dev, F.prod, F.staging]))
    }

    @Test("CLI words share the grammar", arguments: [
        (["add", "203.0.113.10", "John office IP", "--env", "dev"], add("203.0.113.10/32", "John office IP")),
        (["add", "203.0.113.10", "John", "office", "--ttl=3d", "--env=dev"], add("203.0.113.10/32", "John office", ttl: .days(3))),
        (["add", "203.0.113.10", "--env", "dev", "--", "--weird"], add("203.0.113.10/32", "--weird")),
        // Quote characters in argv are the shell's leftovers, and literal: no re-tokenizing.
        (["add", "203.0.113.10", "a&amp;b", "--env", "dev"], add("203.0.113.10/32", "a&amp;b")),
        (["list", "dev"], .whitelistList(environment: F.dev)),
        ([], .help(.whitelist)),
    ] as [([String], ChatIntent)])
    func words(words: [String], intent: ChatIntent) {
        #expect(F.parser.parse(command: .whitelist, words: words) == .success(intent))
    }

    @Test("command names with or without the slash", arguments: [
        ("/whitelist", ChatCommandFamily.whitelist), ("whitelist", .whitelist), (" /Bastion ", .bastion), ("INFRA", .infra),
    ])
    func commandNames(name: String, family: ChatCommandFamily) {
        #expect(ChatCommandFamily(command: name) == family)
        #expect(F.parser.parse(commandNamed: name, text: "help") == .success(.help(family)))
        #expect(F.parser.parse(commandNamed: name, words: []) == .success(.help(family)))
    }

    @Test func unknownCommandName() {
        #expect(ChatCommandFamily(command: "/vpn") == nil)
        #expect(ChatCommandFamily(command: "//whitelist") == nil)
        let error = F.parser.parse(commandNamed: "/vpn", text: "add 1.2.3.4").failure
        #expect(error?.reason == .unknownCommand("/vpn"))
        #expect(error?.description == """
            unknown command '/vpn'; Steward understands /whitelist, /bastion and /infra
            Usage: /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d]
                   /whitelist remove CIDR [--env ENV]
                   /whitelist list ENV
                   /whitelist help
                   /bastion create|status|extend|destroy ENV
                   /bastion help
                   /infra stop|start|teardown|spinup|status ENV
                   /infra help
            """)
    }

    @Test func policyDefaultTTLApplies() {
        var policy = Policy()
        policy.defaultTTL = .days(2)
        let parser = ChatCommandParser(context: .init(knownEnvironments: F.known, policy: policy))
        #expect(parser.parse(command: .whitelist, text: "add 203.0.113.10 --env dev") == .success(Self.add("203.0.113.10/32", nil, ttl: .days(2))))
    }

    @Test func worldOpenWhenPolicyAllows() {
        var policy = Policy()
        policy.allowWorldOpen = true
        let parser = ChatCommandParser(context: .init(knownEnvironments: F.known, policy: policy))
        #expect(parser.parse(command: .whitelist, text: "add 0.0.0.0/0 --env dev") == .success(Self.add("0.0.0.0/0", nil)))
    }
}
