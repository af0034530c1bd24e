extension ChatCommandParser {
    /// What the grammar needs to know beyond the words: which environments exist, the rules
    /// edits are held to, and how commands are spelled where replies are shown.
    public struct GrammarContext: Sendable, Hashable {
        public var knownEnvironments: Set<EnvironmentName>
        public var policy: Policy
        /// Used by `/whitelist add|remove|list` when no environment is given; nil makes it required.
        /// Bastion and infra verbs always need one: acting on an implied environment is how the
        /// wrong one gets stopped.
        public var defaultEnvironment: EnvironmentName?
        /// `/` for Slack, `steward ` for the CLI; only affects the usage lines in errors.
        public var commandPrefix: String

        public init(
            knownEnvironments: Set<EnvironmentName>,
            policy: Policy = .default,
            defaultEnvironment: EnvironmentName? = nil,
            commandPrefix: String = "/"
        ) {
            self.knownEnvironments = knownEnvironments
            self.policy = policy
            self.defaultEnvironment = defaultEnvironment
            self.commandPrefix = commandPrefix
        }

        public var usage: ChatCommandUsage { ChatCommandUsage(commandPrefix: commandPrefix, policy: policy) }
    }
}
