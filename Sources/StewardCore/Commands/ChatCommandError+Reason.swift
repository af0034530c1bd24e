extension ChatCommandError {
    /// What exactly was wrong; `description` is the one-line reason shown to the person.
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case unknownCommand(String)
        case unbalancedQuote(ChatCommandTokenizerError)
        case unknownVerb(String, family: ChatCommandFamily, suggestion: String?)
        case missingCIDR(command: String)
        case missingEnvironment(known: [EnvironmentName])
        /// `/whitelist add|remove` without `--env` and no default environment configured.
        /// `hint` is a stray word that names a known environment (the likely intent).
        case environmentOptionRequired(known: [EnvironmentName], hint: EnvironmentName?)
        case environmentGivenTwice(String, String)
        case unknownEnvironment(String, known: [EnvironmentName], suggestion: EnvironmentName?)
        case extraArgument(String, hint: String?)
        case unknownOption(String, command: String, accepted: [String], suggestion: String?)
        case missingOptionValue(String)
        case duplicateOption(String)
        case invalidCIDR(CIDRError)
        case cidrRefused(String)
        case invalidDescription(String)
        case invalidDuration(TimeSpanError)
        case ttlOverMaximum(requested: TimeSpan, maximum: TimeSpan)
        /// `/infra drift ack` without its id, duration and reason.
        case missingDriftAck
        case invalidAckDuration(TimeSpanError)

        public var description: String {
            switch self {
            case .unknownCommand(let command):
                return "unknown command '\(command)'; Steward understands /whitelist, /bastion and /infra"
            case .unbalancedQuote(let error):
                return error.description
            case .unknownVerb(let verb, let family, let suggestion):
                let verbs = ChatCommandUsage.verbs(of: family).joined(separator: ", ")
                return "unknown \(family.rawValue) verb '\(verb)'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? "; expected one of \(verbs)")
            case .missingCIDR(let command):
                return "missing CIDR: `\(command)` needs the network, e.g. 203.0.113.10 or 2001:db8::/48"
            case .missingEnvironment(let known):
                return "missing environment: say which one (\(Self.list(known)))"
            case .environmentOptionRequired(let known, let hint):
                return "--env is required: no default environment is configured (\(Self.list(known)))"
                    + (hint.map { "; did you mean --env \($0)?" } ?? "")
            case .environmentGivenTwice(let first, let second):
                return "environment given twice ('\(first)' and '\(second)'); give it once"
            case .unknownEnvironment(let name, let known, let suggestion):
                return "unknown environment '\(name)'"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " (\(Self.list(known)))"
            case .extraArgument(let word, let hint):
                return "unexpected extra argument '\(word)'" + (hint.map { "; \($0)" } ?? "; remove it")
            case .unknownOption(let option, let command, let accepted, let suggestion):
                let takes = accepted.isEmpty ? "it takes no options" : "it takes " + accepted.joined(separator: " and ")
                return "unknown option '\(option)' for `\(command)`"
                    + (suggestion.map { "; did you mean \($0)?" } ?? "; \(takes)")
            case .missingOptionValue(let option):
                return "\(option) needs a value, e.g. \(option == "--ttl" ? "--ttl 7d" : "\(option) dev")"
            case .duplicateOption(let option):
                return "\(option) given more than once; give it once"
            case .invalidCIDR(let error):
                return "bad CIDR: \(error)"
            case .cidrRefused(let reason):
                return "refused: \(reason)"
            case .invalidDescription(let reason):
                return "bad description: \(reason)"
            case .invalidDuration(let error):
                return "bad --ttl: \(error)"
            case .ttlOverMaximum(let requested, let maximum):
                return "--ttl \(requested) is longer than the maximum TTL of \(maximum); ask for \(maximum) or less"
            case .missingDriftAck:
                return "an ack needs the finding's id (from /infra drift), how long (e.g. 7d) and a reason"
            case .invalidAckDuration(let error):
                return "bad ack duration: \(error)"
            }
        }

        private static func list(_ known: [EnvironmentName]) -> String {
            known.isEmpty
                ? "no environments exist yet; add desired-state/<env>.yaml"
                : "known: " + known.map(\.rawValue).joined(separator: ", ")
        }
    }
}
