import Foundation
import StewardCore
import Testing
@testable import StewardSlack

/// Who may do what from Slack: channel and user lists, per-environment per-verb rules, the
/// built-in defaults for teardown/spinup and protected environments.
@Suite struct SlackAccessPolicyTests {
    static let dev = try! EnvironmentName("dev")
    static let prod = try! EnvironmentName("prod")

    static var settings: SlackSettings {
        var settings = SlackSettings()
        settings.allowedChannels = ["C0OPS", "C0DEV"]
        settings.allowedUsers = ["U0ALICE", "U0BOB", "U0CAROL", "U0DAVE"]
        settings.permissions = [
            "*": ["infra.teardown": ["U0ALICE"], "infra.spinup": ["U0ALICE", "U0BOB"]],
            "prod": ["whitelist": ["U0CAROL"], "infra": ["U0ALICE"], "bastion.create": ["*"]],
            "dev": ["infra.teardown": ["U0BOB"]],
        ]
        return settings
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var user: String
        var channel: String? = "C0OPS"
        var intent: ChatIntent
        var isProtected = false
        var allowed: Bool
        /// A word the denial must contain, so the person learns why.
        var because: String? = nil
        var testDescription: String { name }
    }

    static let cidr = try! CIDR("203.0.113.10/32")

    static let cases: [Case] = [
        Case(name: "help is always allowed, even off-list", user: "U0MALLORY", channel: "C0RANDOM", intent: .help(.infra), allowed: true),
        Case(name: "channel not allowed", user: "U0ALICE", channel: "C0RANDOM", intent: .whitelistList(environment: dev),
             allowed: false, because: "channel"),
        Case(name: "direct message (no channel) not allowed when channels are listed", user: "U0ALICE", channel: nil,
             intent: .whitelistList(environment: dev), allowed: false, because: "channel"),
        Case(name: "user not allowed", user: "U0MALLORY", intent: .whitelistList(environment: dev), allowed: false, because: "allowed_users"),
        Case(name: "read allowed by default", user: "U0BOB", intent: .infra(.status, environment: dev), allowed: true),
        Case(name: "whitelist add allowed by default on an unprotected env", user: "U0BOB",
             intent: .whitelistAdd(cidr: cidr, description: nil, environment: dev, ttl: .days(1)), allowed: true),
        Case(name: "whitelist add on a protected env needs a rule", user: "U0BOB",
             intent: .whitelistAdd(cidr: cidr, description: nil, environment: dev, ttl: .days(1)), isProtected: true,
             allowed: false, because: "protected"),
        Case(name: "environment rule (family) grants", user: "U0CAROL",
             intent: .whitelistAdd(cidr: cidr, description: nil, environment: prod, ttl: .days(1)), isProtected: true, allowed: true),
        Case(name: "environment rule (family) refuses others", user: "U0BOB",
             intent: .whitelistRemove(cidr: cidr, environment: prod), allowed: false, because: "slack.permissions.prod.whitelist"),
        Case(name: "environment rule covers reads too", user: "U0BOB", intent: .whitelistList(environment: prod),
             allowed: false, because: "prod.whitelist"),
        Case(name: "wildcard user list", user: "U0DAVE", intent: .bastion(.create, environment: prod), isProtected: true, allowed: true),
        Case(name: "teardown: environment rule before '*'", user: "U0BOB", intent: .infra(.teardown, environment: dev), allowed: true),
        Case(name: "teardown: '*' rule does not reach a user the env rule omits", user: "U0ALICE",
             intent: .infra(.teardown, environment: dev), allowed: false, because: "dev.infra.teardown"),
        Case(name: "teardown on prod: env family rule", user: "U0ALICE", intent: .infra(.teardown, environment: prod), allowed: true),
        Case(name: "spinup via '*'", user: "U0BOB", intent: .infra(.spinup, environment: dev), allowed: true),
        Case(name: "spinup via '*' refuses the unlisted", user: "U0CAROL", intent: .infra(.spinup, environment: dev),
             allowed: false, because: "*.infra.spinup"),
        Case(name: "infra stop on prod: env family rule refuses", user: "U0BOB", intent: .infra(.stop, environment: prod),
             allowed: false, because: "prod.infra"),
    ]

    @Test(arguments: cases)
    func decides(_ testCase: Case) {
        let decision = SlackAccessPolicy(settings: Self.settings)
            .decide(user: testCase.user, channel: testCase.channel, intent: testCase.intent, isProtected: testCase.isProtected)
        switch decision {
        case .allowed:
            #expect(testCase.allowed, "allowed, but should be denied")
        case .denied(let why):
            #expect(!testCase.allowed, "denied: \(why)")
            if let word = testCase.because { #expect(why.contains(word), "reason '\(why)' does not mention \(word)") }
        }
    }

    /// With no `slack:` settings at all, Slack is closed for edits (whitelisting grants network
    /// access): anyone may read, nobody may edit, and the refusal names the keys to set.
    @Test func closedByDefaultWithoutConfiguration() {
        let policy = SlackAccessPolicy(settings: SlackSettings())
        func decision(_ intent: ChatIntent, protected: Bool = false) -> CommandAccessDecision {
            policy.decide(user: "U1", channel: "C1", intent: intent, isProtected: protected)
        }
        #expect(decision(.whitelistList(environment: Self.dev)) == .allowed)
        #expect(decision(.bastion(.status, environment: Self.prod), protected: true) == .allowed)
        #expect(decision(.infra(.status, environment: Self.dev)) == .allowed)
        #expect(decision(.help(.whitelist)) == .allowed)
        let edits: [ChatIntent] = [
            .whitelistAdd(cidr: Self.cidr, description: nil, environment: Self.dev, ttl: .days(1)), .whitelistRemove(cidr: Self.cidr, environment: Self.dev),
            .infra(.stop, environment: Self.dev), .infra(.teardown, environment: Self.dev), .bastion(.create, environment: Self.dev),
        ]
        for edit in edits {
            #expect(decision(edit) == .denied(SlackAccessPolicy.closedByDefault), "\(edit)")
        }
        #expect(SlackAccessPolicy.closedByDefault.contains("slack.allowed_users") && SlackAccessPolicy.closedByDefault.contains("slack.allowed_channels")
            && SlackAccessPolicy.closedByDefault.contains("slack.permissions"))
    }

    /// Opening edits takes one of the three keys; each alone is enough for an unprotected environment.
    @Test func anyOfTheThreeKeysOpensEdits() {
        let add = ChatIntent.whitelistAdd(cidr: Self.cidr, description: nil, environment: Self.dev, ttl: .days(1))
        var users = SlackSettings()
        users.allowedUsers = ["U1"]
        var channels = SlackSettings()
        channels.allowedChannels = ["C1"]
        var rules = SlackSettings()
        rules.permissions = ["dev": ["whitelist.add": ["U1"]]]
        for settings in [users, channels, rules] {
            #expect(SlackAccessPolicy(settings: settings).decide(user: "U1", channel: "C1", intent: add, isProtected: false) == .allowed)
        }
        #expect(SlackAccessPolicy(settings: rules).decide(user: "U2", channel: "C1", intent: add, isProtected: false) != .allowed,
                "a rule opens edits only to whom it names")
        #expect(SlackAccessPolicy(settings: rules).decide(user: "U1", channel: "C1", intent: .infra(.stop, environment: Self.dev), isProtected: false)
                == .denied(SlackAccessPolicy.closedByDefault), "and only for what it names")
    }

    @Test func everyIntentHasAKeyTheConfigurationAccepts() {
        let intents: [ChatIntent] = [
            .whitelistAdd(cidr: Self.cidr, description: nil, environment: Self.dev, ttl: .days(1)),
            .whitelistRemove(cidr: Self.cidr, environment: Self.dev), .whitelistList(environment: Self.dev),
        ] + BastionVerb.allCases.map { .bastion($0, environment: Self.dev) } + InfraVerb.allCases.map { .infra($0, environment: Self.dev) }
        for intent in intents {
            #expect(SlackSettings.permissionKeys.contains(SlackAccessPolicy.verbKey(intent)), "\(intent)")
        }
    }
}
