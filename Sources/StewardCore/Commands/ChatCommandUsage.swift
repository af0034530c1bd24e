/// The usage lines errors end with and the text `help` replies, for each command family.
///
/// `commandPrefix` is how commands are spelled where the text is shown: `/` in Slack,
/// `steward ` on the command line, so each reader sees commands they can type as shown.
/// The policy supplies the TTLs that help quotes, so help never disagrees with the rules.
public struct ChatCommandUsage: Sendable, Hashable {
    public var commandPrefix: String
    public var policy: Policy

    public init(commandPrefix: String = "/", policy: Policy = .default) {
        self.commandPrefix = commandPrefix
        self.policy = policy
    }

    /// The verbs of a family, in the order help lists them.
    public static func verbs(of family: ChatCommandFamily) -> [String] {
        switch family {
        case .whitelist: return ["add", "remove", "list", "help"]
        case .bastion: return BastionVerb.allCases.map(\.rawValue) + ["help"]
        case .infra: return InfraVerb.allCases.map(\.rawValue) + ["help"]
        }
    }

    /// The usage line(s) for one verb, or for the whole family when `verb` is nil or unknown.
    public func usageLines(for family: ChatCommandFamily, verb: String? = nil) -> [String] {
        let command = commandPrefix + family.rawValue
        if let verb, let line = verbUsage(family, verb) {
            return [command + " " + line]
        }
        switch family {
        case .whitelist:
            return ["add", "remove", "list", "help"].compactMap { verbUsage(family, $0).map { command + " " + $0 } }
        case .bastion:
            return [command + " " + BastionVerb.allCases.map(\.rawValue).joined(separator: "|") + " ENV", command + " help"]
        case .infra:
            return [command + " " + InfraVerb.allCases.map(\.rawValue).joined(separator: "|") + " ENV", command + " help"]
        }
    }

    /// Every family's usage, for a command that is not one of them.
    public func usageLinesForAllFamilies() -> [String] {
        ChatCommandFamily.allCases.flatMap { usageLines(for: $0) }
    }

    /// What `help` (or an empty command) replies: a summary line, then each verb with a
    /// one-line explanation and an example.
    public func helpText(for family: ChatCommandFamily) -> String {
        let command = commandPrefix + family.rawValue
        let summary: String
        let verbs: [(verb: String, explanation: String, example: String?)]
        switch family {
        case .whitelist:
            summary = "who may reach an environment"
            verbs = [
                ("add", "allow a network until its TTL runs out (default \(policy.defaultTTL), at most \(policy.maximumTTL)); "
                    + "a bare address means /32 or /128; adding it again renews it. Options go in any order, also as --env=ENV; "
                    + "unquoted words after the CIDR form the description.",
                 "add 203.0.113.10 \"John office IP\" --env dev --ttl 3d"),
                ("remove", "take a network off the whitelist.", "remove 203.0.113.10/32 --env dev"),
                ("list", "show the entries, active and expired, with their expiry.", "list dev"),
                ("help", "this text.", nil),
            ]
        case .bastion:
            summary = "a temporary bastion host in an environment"
            verbs = [
                ("create", "ask for a bastion for \(policy.bastionTTL) (the environment must be running).", "create dev"),
                ("status", "show the wanted bastion lease and its expiry.", "status dev"),
                ("extend", "push the lease out by \(policy.bastionTTL), up to \(policy.bastionMaximumLifetime) in total.", "extend dev"),
                ("destroy", "drop the lease; Steward terminates the bastion.", "destroy dev"),
                ("help", "this text.", nil),
            ]
        case .infra:
            summary = "whether an environment runs"
            verbs = [
                ("stop", "scale services to zero and stop databases and instances; nothing is deleted.", "stop dev"),
                ("start", "run everything again at its remembered size.", "start dev"),
                ("teardown", "stop everything and delete databases after a final snapshot (refused for protected environments).",
                 "teardown dev"),
                ("spinup", "bring a stopped or torn-down environment back to running.", "spinup dev"),
                ("status", "show the wanted tier, bastion and whitelist.", "status dev"),
                // Drift is not an InfraVerb (not a tier edit, no permission of its own) but is typed under /infra.
                ("drift", "the current drift report, every environment without ENV; looking changes nothing.", "drift dev"),
                ("drift ack", "acknowledge a finding for a while (listed apart, not counted; open again when the ack ends).",
                 "drift ack world-open-rule:security-group-rule:sg-0abc/sgr-0def 7d vendor test"),
                ("help", "this text.", nil),
            ]
        }
        var lines = ["\(command) — \(summary). Commands edit desired state; Steward applies them on its next reconcile."]
        for (verb, explanation, example) in verbs {
            lines.append("• \(command) \(verbUsage(family, verb) ?? verb) — \(explanation)")
            if let example { lines.append("  e.g. \(command) \(example)") }
        }
        return lines.joined(separator: "\n")
    }

    private func verbUsage(_ family: ChatCommandFamily, _ verb: String) -> String? {
        switch (family, verb) {
        case (.whitelist, "add"): return "add CIDR [\"description\"] [--env ENV] [--ttl 7d]"
        case (.whitelist, "remove"): return "remove CIDR [--env ENV]"
        case (.whitelist, "list"): return "list ENV"
        case (_, "help"): return "help"
        case (.bastion, _) where BastionVerb(rawValue: verb) != nil: return verb + " ENV"
        case (.infra, _) where InfraVerb(rawValue: verb) != nil: return verb + " ENV"
        case (.infra, "drift"): return "drift [ENV]"
        case (.infra, "drift ack"): return "drift ack ID DURATION REASON…"
        default: return nil
        }
    }
}
