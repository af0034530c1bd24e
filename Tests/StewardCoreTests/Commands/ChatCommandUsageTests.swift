import StewardCore
import Testing

@Suite("ChatCommandUsage")
struct ChatCommandUsageTests {
    typealias F = ChatFixture

    @Test func usageLines() {
        #expect(F.usage.usageLines(for: .whitelist) == F.whitelistUsage)
        #expect(F.usage.usageLines(for: .whitelist, verb: "add") == [F.addUsage])
        #expect(F.usage.usageLines(for: .whitelist, verb: "nope") == F.whitelistUsage)
        #expect(F.usage.usageLines(for: .bastion, verb: "extend") == ["/bastion extend ENV"])
        #expect(F.usage.usageLines(for: .infra) == ["/infra stop|start|teardown|spinup|status ENV", "/infra help"])
        #expect(ChatCommandUsage(commandPrefix: "steward ").usageLines(for: .infra, verb: "stop") == ["steward infra stop ENV"])
    }

    @Test func whitelistHelp() {
        #expect(F.usage.helpText(for: .whitelist) == """
            /whitelist — who may reach an environment. Commands edit desired state; Steward applies them on its next reconcile.
            • /whitelist add CIDR ["description"] [--env ENV] [--ttl 7d] — allow a network until its TTL runs out (default 7d, at most 90d); \
            a bare address means /32 or /128; adding it again renews it. Options go in any order, also as --env=ENV; \
            unquoted words after the CIDR form the description.
              e.g. /whitelist add 203.0.113.10 "John office IP" --env dev --ttl 3d
            • /whitelist remove CIDR [--env ENV] — take a network off the whitelist.
              e.g. /whitelist remove 203.0.113.10/32 --env dev
            • /whitelist list ENV — show the entries, active and expired, with their expiry.
              e.g. /whitelist list dev
            • /whitelist help — this text.
            """)
    }

    @Test func bastionHelp() {
        #expect(F.usage.helpText(for: .bastion) == """
            /bastion — a temporary bastion host in an environment. Commands edit desired state; Steward applies them on its next reconcile.
            • /bastion create ENV — ask for a bastion for 3h (the environment must be running).
              e.g. /bastion create dev
            • /bastion status ENV — show the wanted bastion lease and its expiry.
              e.g. /bastion status dev
            • /bastion extend ENV — push the lease out by 3h, up to 12h in total.
              e.g. /bastion extend dev
            • /bastion destroy ENV — drop the lease; Steward terminates the bastion.
              e.g. /bastion destroy dev
            • /bastion help — this text.
            """)
    }

    @Test func infraHelp() {
        #expect(F.usage.helpText(for: .infra) == """
            /infra — whether an environment runs. Commands edit desired state; Steward applies them on its next reconcile.
            • /infra stop ENV — scale services to zero and stop databases and instances; nothing is deleted.
              e.g. /infra stop dev
            • /infra start ENV — run everything again at its remembered size.
              e.g. /infra start dev
            • /infra teardown ENV — stop everything and delete databases after a final snapshot (refused for protected environments).
              e.g. /infra teardown dev
            • /infra spinup ENV — bring a stopped or torn-down environment back to running.
              e.g. /infra spinup dev
            • /infra status ENV — show the wanted tier, bastion and whitelist.
              e.g. /infra status dev
            • /infra drift [ENV] — the current drift report, every environment without ENV; looking changes nothing.
              e.g. /infra drift dev
            • /infra drift ack ID DURATION REASON… — acknowledge a finding for a while (listed apart, not counted; open again when the ack ends).
              e.g. /infra drift ack world-open-rule:security-group-rule:sg-0abc/sgr-0def 7d vendor test
            • /infra help — this text.
            """)
    }

    @Test("every example in help parses to its verb", arguments: ChatCommandFamily.allCases)
    func examplesParse(family: ChatCommandFamily) throws {
        let examples = F.usage.helpText(for: family).split(separator: "\n")
            .compactMap { line in line.hasPrefix("  e.g. /\(family.rawValue) ") ? String(line.dropFirst("  e.g. /\(family.rawValue) ".count)) : nil }
        // /infra also lists drift and drift ack, which are not tier verbs.
        #expect(examples.count == ChatCommandUsage.verbs(of: family).count - 1 + (family == .infra ? 2 : 0))
        for example in examples {
            let result = F.parser.parse(command: family, text: example)
            #expect(result.success != nil, "\(example): \(String(describing: result.failure))")
        }
    }

    @Test func helpReply() {
        #expect(ChatReply.help(.infra, usage: F.usage).text == F.usage.helpText(for: .infra))
        #expect(!ChatReply.help(.infra, usage: F.usage).isError)
    }

    @Test func helpFollowsPolicy() {
        var policy = Policy()
        policy.bastionTTL = .hours(2)
        policy.bastionMaximumLifetime = .hours(8)
        let help = ChatCommandUsage(policy: policy).helpText(for: .bastion)
        #expect(help.contains("ask for a bastion for 2h"))
        #expect(help.contains("push the lease out by 2h, up to 8h in total."))
    }
}
