import ArgumentParser

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: ArgumentHelp(
        "steward.yaml to use (default: $STEWARD_CONFIG, else ./steward.yaml if present, else built-in conventions).",
        valueName: "file"))
    var configPath: String?

    @Option(name: .customLong("desired-state"), help: ArgumentHelp(
        "Desired-state directory (default: $STEWARD_DESIRED_STATE, else desired_state from the config, else desired-state).",
        valueName: "dir"))
    var desiredStatePath: String?
}
