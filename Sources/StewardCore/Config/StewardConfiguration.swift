import Foundation

/// What `steward.yaml` says, over the conventions that hold with no file at all (see
/// DESIGN.md "Controller configuration — conventions first").
public struct StewardConfiguration: Sendable, Hashable {
    /// Marks what Steward owns: rules and resources tagged `steward:owner=<ownerID>`.
    public var ownerID: String = "steward"
    /// The YAML desired-state directory, relative to the working directory.
    public var desiredStatePath: String = "desired-state"
    /// The environment `/whitelist add` uses when no `--env` is given; nil means `--env` is required.
    public var defaultEnvironment: EnvironmentName?
    public var policy: Policy = .default

    public init() {}

    public static let ownerTagKey = "steward:owner"
}
