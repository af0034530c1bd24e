import ArgumentParser
import Foundation
import StewardCore

struct WhitelistCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whitelist",
        abstract: "Edit or list an environment's IP whitelist (same grammar and replies as /whitelist).",
        subcommands: [Add.self, Remove.self, List.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Allow a network into an environment until its TTL runs out.")

        @OptionGroup var options: GlobalOptions
        @Argument(help: "IPv4 or IPv6 address or network; a bare address means /32 or /128.") var cidr: String
        @Argument(help: "Shown on the security-group rule.") var description: [String] = []
        @Option(help: "Environment (required unless default_environment is configured).") var env: String?
        @Option(help: "How long, e.g. 3h, 7d, 2w (default: policy.default_ttl).") var ttl: String?
        @Option(help: "Recorded as added_by (default: $USER).") var actor: String?

        func run() async throws {
            var words = ["add", cidr]
            if !description.isEmpty { words.append(description.joined(separator: " ")) }
            if let env { words += ["--env", env] }
            if let ttl { words += ["--ttl", ttl] }
            try await ChatCommandRunner.run(.whitelist, words: words, options: options, actor: actor)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a network; Steward revokes its rules on the next reconcile.")

        @OptionGroup var options: GlobalOptions
        @Argument var cidr: String
        @Option(help: "Environment (required unless default_environment is configured).") var env: String?
        @Option(help: "Recorded as the actor (default: $USER).") var actor: String?

        func run() async throws {
            var words = ["remove", cidr]
            if let env { words += ["--env", env] }
            try await ChatCommandRunner.run(.whitelist, words: words, options: options, actor: actor)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List an environment's entries, active and expired.")

        @OptionGroup var options: GlobalOptions
        @Argument var environment: String

        func run() async throws {
            try await ChatCommandRunner.run(.whitelist, words: ["list", environment], options: options, actor: nil)
        }
    }
}
