import Foundation

extension ChatCommandParser {
    static let helpWords: Set<String> = ["help", "--help", "-h"]

    func parse(_ family: ChatCommandFamily, _ arguments: [Argument]) throws(ChatCommandError) -> ChatIntent {
        guard let verbArgument = arguments.first else { return .help(family) }
        let verb = verbArgument.text.lowercased()
        if Self.helpWords.contains(verb) || arguments.contains(where: { $0.isOption && Self.helpWords.contains($0.text.lowercased()) }) {
            return .help(family)
        }
        let rest = arguments.dropFirst()
        switch family {
        case .whitelist:
            switch verb {
            case "add": return try whitelistAdd(rest)
            case "remove": return try whitelistRemove(rest)
            case "list":
                let parsed = try split(rest, family: family, verb: verb, accepting: ["--env"])
                return .whitelistList(environment: try environment(parsed, family: family, verb: verb, fallback: context.defaultEnvironment))
            default: break
            }
        case .bastion:
            if let bastionVerb = BastionVerb(rawValue: verb) {
                let parsed = try split(rest, family: family, verb: verb, accepting: ["--env"])
                return .bastion(bastionVerb, environment: try environment(parsed, family: family, verb: verb, fallback: nil))
            }
        case .infra:
            if verb == "drift" { return try drift(rest) }
            if let infraVerb = InfraVerb(rawValue: verb) {
                let parsed = try split(rest, family: family, verb: verb, accepting: ["--env"])
                return .infra(infraVerb, environment: try environment(parsed, family: family, verb: verb, fallback: nil))
            }
        }
        let suggestion = ChatCommandSuggestion.closest(to: verb, among: ChatCommandUsage.verbs(of: family))
        throw ChatCommandError(.unknownVerb(verbArgument.text, family: family, suggestion: suggestion),
                               usage: context.usage.usageLines(for: family))
    }

    private func whitelistAdd(_ arguments: ArraySlice<Argument>) throws(ChatCommandError) -> ChatIntent {
        let family = ChatCommandFamily.whitelist, verb = "add"
        let parsed = try split(arguments, family: family, verb: verb, accepting: ["--env", "--ttl"])
        let cidr = try cidr(parsed, verb: verb, checkingPolicy: true)
        let descriptionWords = Array(parsed.positionals.dropFirst())
        let environment = try optionEnvironment(parsed, verb: verb, strayWords: descriptionWords)

        var ttl = context.policy.defaultTTL
        if let text = parsed.options["--ttl"] {
            do {
                ttl = try TimeSpan(parsing: text)
            } catch {
                throw failure(.invalidDuration(error), family, verb)
            }
            guard ttl <= context.policy.maximumTTL else {
                throw failure(.ttlOverMaximum(requested: ttl, maximum: context.policy.maximumTTL), family, verb)
            }
        }

        let joined = descriptionWords.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        let description = joined.isEmpty ? nil : joined
        if let description, let problem = context.policy.violation(forDescription: description) {
            throw failure(.invalidDescription(problem), family, verb)
        }
        return .whitelistAdd(cidr: cidr, description: description, environment: environment, ttl: ttl)
    }

    /// `drift [ENV]` or `drift ack ID DURATION REASON…`.
    private func drift(_ arguments: ArraySlice<Argument>) throws(ChatCommandError) -> ChatIntent {
        let family = ChatCommandFamily.infra
        if arguments.first?.text.lowercased() == "ack" {
            let verb = "drift ack"
            let parsed = try split(arguments.dropFirst(), family: family, verb: verb, accepting: [])
            guard parsed.positionals.count >= 3 else { throw failure(.missingDriftAck, family, verb) }
            let duration: TimeSpan
            do {
                duration = try TimeSpan(parsing: parsed.positionals[1])
            } catch {
                throw failure(.invalidAckDuration(error), family, verb)
            }
            guard duration.seconds > 0 else { throw failure(.missingDriftAck, family, verb) }
            return .driftAck(id: parsed.positionals[0], duration: duration, reason: parsed.positionals.dropFirst(2).joined(separator: " "))
        }
        let parsed = try split(arguments, family: family, verb: "drift", accepting: ["--env"])
        guard parsed.options["--env"] != nil || !parsed.positionals.isEmpty else { return .drift(environment: nil) }
        return .drift(environment: try environment(parsed, family: family, verb: "drift", fallback: nil))
    }

    private func whitelistRemove(_ arguments: ArraySlice<Argument>) throws(ChatCommandError) -> ChatIntent {
        let verb = "remove"
        let parsed = try split(arguments, family: .whitelist, verb: verb, accepting: ["--env"])
        // No policy check: a network policy has since come to forbid must still be removable.
        let cidr = try cidr(parsed, verb: verb, checkingPolicy: false)
        if let word = parsed.positionals.dropFirst().first {
            // `remove 1.2.3.4 dev` almost always meant `--env dev`; say so rather than guess.
            let hint = parsed.options["--env"] == nil && isKnownEnvironment(word) ? "did you mean --env \(word.lowercased())?" : nil
            throw failure(.extraArgument(word, hint: hint), .whitelist, verb)
        }
        let environment = try optionEnvironment(parsed, verb: verb, strayWords: [])
        return .whitelistRemove(cidr: cidr, environment: environment)
    }

    /// Splits options from positional words, checking each option is one the verb takes.
    func split(_ arguments: ArraySlice<Argument>, family: ChatCommandFamily, verb: String,
               accepting accepted: [String]) throws(ChatCommandError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            index += 1
            guard argument.isOption else {
                parsed.positionals.append(argument.text)
                continue
            }
            let name: String
            var value: String?
            if let equals = argument.text.firstIndex(of: "=") {
                name = argument.text[..<equals].lowercased()
                value = String(argument.text[argument.text.index(after: equals)...])
            } else {
                name = argument.text.lowercased()
            }
            guard accepted.contains(name) else {
                let suggestion = ChatCommandSuggestion.closest(to: name, among: accepted)
                throw failure(.unknownOption(argument.text, command: context.commandPrefix + family.rawValue + " " + verb,
                                             accepted: accepted, suggestion: suggestion), family, verb)
            }
            if value == nil, index < arguments.endIndex, !(arguments[index].isOption && arguments[index].text.hasPrefix("--")) {
                value = arguments[index].text
                index += 1
            }
            guard let value, !value.isEmpty else { throw failure(.missingOptionValue(name), family, verb) }
            guard parsed.options[name] == nil else { throw failure(.duplicateOption(name), family, verb) }
            parsed.options[name] = value
        }
        return parsed
    }

    private func cidr(_ parsed: ParsedArguments, verb: String, checkingPolicy: Bool) throws(ChatCommandError) -> CIDR {
        guard let text = parsed.positionals.first else {
            throw failure(.missingCIDR(command: context.commandPrefix + "whitelist " + verb), .whitelist, verb)
        }
        let cidr: CIDR
        do {
            cidr = try CIDR(text)
        } catch {
            throw failure(.invalidCIDR(error), .whitelist, verb)
        }
        if checkingPolicy, let problem = context.policy.violation(for: cidr) {
            throw failure(.cidrRefused(problem), .whitelist, verb)
        }
        return cidr
    }

    /// The environment of a verb that takes it as a word (or `--env`), exactly one of them.
    private func environment(_ parsed: ParsedArguments, family: ChatCommandFamily, verb: String,
                             fallback: EnvironmentName?) throws(ChatCommandError) -> EnvironmentName {
        let option = parsed.options["--env"]
        if let option, let word = parsed.positionals.first {
            throw failure(.environmentGivenTwice(word, option), family, verb)
        }
        if parsed.positionals.count > 1 {
            throw failure(.extraArgument(parsed.positionals[1], hint: nil), family, verb)
        }
        guard let name = option ?? parsed.positionals.first ?? fallback?.rawValue else {
            throw failure(.missingEnvironment(known: sortedKnownEnvironments), family, verb)
        }
        return try resolveEnvironment(name, family: family, verb: verb)
    }

    /// The environment of `/whitelist add|remove`: `--env`, else the default, else an error
    /// that points at a stray word naming an environment (`add 1.2.3.4 dev` meant `--env dev`).
    private func optionEnvironment(_ parsed: ParsedArguments, verb: String,
                                   strayWords: [String]) throws(ChatCommandError) -> EnvironmentName {
        guard let name = parsed.options["--env"] ?? context.defaultEnvironment?.rawValue else {
            let hint = strayWords.count == 1 && isKnownEnvironment(strayWords[0]) ? try? EnvironmentName(strayWords[0].lowercased()) : nil
            throw failure(.environmentOptionRequired(known: sortedKnownEnvironments, hint: hint), .whitelist, verb)
        }
        return try resolveEnvironment(name, family: .whitelist, verb: verb)
    }

    private func resolveEnvironment(_ text: String, family: ChatCommandFamily, verb: String) throws(ChatCommandError) -> EnvironmentName {
        if let name = try? EnvironmentName(text.lowercased()), context.knownEnvironments.contains(name) {
            return name
        }
        let known = sortedKnownEnvironments
        let suggestion = ChatCommandSuggestion.closest(to: text, among: known.map(\.rawValue)).flatMap { try? EnvironmentName($0) }
        throw failure(.unknownEnvironment(text, known: known, suggestion: suggestion), family, verb)
    }

    private func isKnownEnvironment(_ text: String) -> Bool {
        (try? EnvironmentName(text.lowercased())).map(context.knownEnvironments.contains) ?? false
    }

    private var sortedKnownEnvironments: [EnvironmentName] { context.knownEnvironments.sorted() }

    private func failure(_ reason: ChatCommandError.Reason, _ family: ChatCommandFamily, _ verb: String) -> ChatCommandError {
        ChatCommandError(reason, usage: context.usage.usageLines(for: family, verb: verb))
    }
}
