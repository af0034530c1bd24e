import Foundation

/// `desired_state.dynamodb:` — the seed's whitelist table (one per environment with `{env}`
/// in its name, or one shared) and the table of environment items (tier, bastion lease).
public struct DynamoDBDesiredStateSettings: Sendable, Hashable {
    /// The placeholder a per-environment table name carries.
    public static let environmentPlaceholder = "{env}"

    public var whitelistTable: String
    /// Tier overrides and bastion leases set from Slack or the CLI; nil: those stay in YAML.
    public var environmentsTable: String?
    /// Overrides the AWS SDK's region for these tables.
    public var region: String?
    /// true: Scan with ConsistentRead; false: eventually consistent reads (per-environment
    /// tables are queried through the `environment-index` GSI).
    public var consistentReads: Bool
    /// How often to re-read when a table has no stream (or its stream can't be read).
    public var pollInterval: TimeSpan

    public init(whitelistTable: String, environmentsTable: String? = nil, region: String? = nil,
                consistentReads: Bool = true, pollInterval: TimeSpan = TimeSpan(seconds: 10)) {
        self.whitelistTable = whitelistTable
        self.environmentsTable = environmentsTable
        self.region = region
        self.consistentReads = consistentReads
        self.pollInterval = pollInterval
    }

    /// True when each environment has its own whitelist table.
    public var isPerEnvironment: Bool { whitelistTable.contains(Self.environmentPlaceholder) }

    /// The whitelist table holding an environment's items.
    public func whitelistTable(for environment: EnvironmentName) -> String {
        whitelistTable.replacingOccurrences(of: Self.environmentPlaceholder, with: environment.rawValue)
    }
}
