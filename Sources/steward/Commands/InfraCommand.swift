import ArgumentParser
import Foundation
import StewardCore

/// `steward infra stop|start|teardown|spinup|status E`: the /infra slash command on the command
/// line — same grammar, same store edit, same reply. Edits only desired state; `apply` or
/// `steward run` converges AWS.
struct InfraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infra",
        abstract: "Set or show an environment's tier (same grammar and replies as /infra).",
        subcommands: [Stop.self, Start.self, Teardown.self, Spinup.self, Status.self]
    )

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tier stopped: services to 0, databases and instances stopped; nothing deleted.")
        @OptionGroup var verb: InfraVerbOptions
        func run() async throws { try await verb.run(.stop) }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tier running: databases started, then services back at their saved counts.")
        @OptionGroup var verb: InfraVerbOptions
        func run() async throws { try await verb.run(.start) }
    }

    struct Teardown: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tier torn-down: stopped, and databases deleted after a verified final snapshot.")
        @OptionGroup var verb: InfraVerbOptions
        func run() async throws { try await verb.run(.teardown) }
    }

    struct Spinup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Tier running again after a teardown: databases restored from their final snapshots.")
        @OptionGroup var verb: InfraVerbOptions
        func run() async throws { try await verb.run(.spinup) }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Wanted vs actual per resource, the next reconcile's actions and the monthly cost.")
        @OptionGroup var verb: InfraVerbOptions
        func run() async throws { try await verb.run(.status) }
    }
}

/// What every `infra` verb takes.
struct InfraVerbOptions: ParsableArguments {
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The environment.") var environment: String
    @Option(help: "Recorded as the actor (default: $USER).") var actor: String?

    func run(_ verb: InfraVerb) async throws {
        try await ChatCommandRunner.run(.infra, words: [verb.rawValue, environment], options: options, actor: actor)
    }
}
