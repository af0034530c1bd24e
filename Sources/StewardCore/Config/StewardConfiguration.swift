import Foundation

/// What `steward.yaml` says, over the conventions that hold with no file at all (see
/// DESIGN.md "Controller configuration — conventions first").
public struct StewardConfiguration: Sendable, Hashable {
    /// Marks what Steward owns: rules and resources tagged `steward:owner=<ownerID>`.
    public var ownerID: String = "steward"
    /// Where desired state lives: the YAML directory and, optionally, DynamoDB.
    public var desiredState: DesiredStateSettings = DesiredStateSettings()
    /// The YAML desired-state directory, relative to the working directory (the default
    /// `desired-state` when the configuration names none, as `--desired-state` may still).
    public var desiredStatePath: String {
        get { desiredState.yamlPath ?? "desired-state" }
        set { desiredState.yamlPath = newValue }
    }
    /// The environment `/whitelist add` uses when no `--env` is given; nil means `--env` is required.
    public var defaultEnvironment: EnvironmentName?
    public var policy: Policy = .default
    public var whitelist: WhitelistSettings = WhitelistSettings()
    /// Per-environment overrides of `whitelist`.
    public var environments: [EnvironmentName: EnvironmentSettings] = [:]
    /// JSON-lines audit log of every applied action and desired-state edit; nil disables it.
    public var auditLogPath: String? = "steward-audit.jsonl"
    /// `steward run` reconciles every environment this often (jittered), besides waking on
    /// edits and expiries.
    public var reconcileInterval: TimeSpan = TimeSpan(seconds: 60)
    /// Where `steward run` serves /healthz, /readyz and /metrics.
    public var listenAddress: String = "127.0.0.1:9090"
    public var slack: SlackSettings = SlackSettings()
    /// How tier resources are found and priced.
    public var tiers: TierSettings = TierSettings()
    /// The daemon's drift digest and alerts; nil posts none.
    public var driftReport: DriftReportSettings?
    /// The leader lease for several replicas; nil: one replica, always writing.
    public var ha: HASettings?

    /// The whitelist settings in force for one environment.
    public func whitelistSettings(for environment: EnvironmentName) -> WhitelistSettings {
        var settings = whitelist
        if let override = environments[environment] {
            if let mode = override.whitelistMode { settings.mode = mode }
            if let ports = override.whitelistPorts { settings.defaultPorts = ports }
            if let upsertOnly = override.upsertOnly { settings.upsertOnly = upsertOnly }
        }
        return settings
    }

    /// The ECS cluster of an environment's services.
    public func ecsCluster(for environment: EnvironmentName) -> String {
        environments[environment]?.ecsCluster ?? environment.rawValue
    }

    /// The launch template an environment's bastions start from.
    public func bastionLaunchTemplate(for environment: EnvironmentName) -> String {
        environments[environment]?.bastionLaunchTemplate ?? "\(environment.rawValue)-bastion"
    }

    public init() {}
}
