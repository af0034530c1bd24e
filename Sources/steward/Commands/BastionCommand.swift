import ArgumentParser
import Foundation
import StewardCore

/// `steward bastion create|status|extend|destroy E`: the /bastion slash command on the command
/// line. A lease in desired state; Steward launches and terminates the instance.
struct BastionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bastion",
        abstract: "Lease, show, extend or drop an environment's bastion (same grammar and replies as /bastion).",
        subcommands: [Create.self, Status.self, Extend.self, Destroy.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ask for a bastion for the policy's TTL (default 3h); refused unless the tier is running.")
        @OptionGroup var verb: BastionVerbOptions
        func run() async throws { try await verb.run(.create) }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The lease and its instance: id, state, private IP, launch time, expiry, how to connect.")
        @OptionGroup var verb: BastionVerbOptions
        func run() async throws { try await verb.run(.status) }
    }

    struct Extend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add the TTL again, up to the policy's maximum lifetime (default 12h).")
        @OptionGroup var verb: BastionVerbOptions
        func run() async throws { try await verb.run(.extend) }
    }

    struct Destroy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Drop the lease; Steward terminates the instance.")
        @OptionGroup var verb: BastionVerbOptions
        func run() async throws { try await verb.run(.destroy) }
    }
}

/// What every `bastion` verb takes.
struct BastionVerbOptions: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The environment.") var environment: String
    @Option(help: "Recorded as requested_by (default: $USER).") var actor: String?

    func run(_ verb: BastionVerb) async throws {
        try await ChatCommandRunner.run(.bastion, words: [verb.rawValue, environment], options: options, actor: actor)
    }
}
