import StewardCore

/// One pass's read of the DynamoDB tables, before layering over YAML.
public struct DynamoDBDesiredStateRead: Sendable {
    /// Valid whitelist rows by environment, in key order.
    public var whitelist: [EnvironmentName: [WhitelistItemRecord]] = [:]
    public var environmentItems: [EnvironmentName: EnvironmentItemRecord] = [:]
    /// Environments whose own table could not be read (`{env}` tables): fail closed there.
    public var unreadable: [EnvironmentName: [Diagnostic]] = [:]
    /// Rows that did not validate: reported, never granted, never blocking their environment.
    public var rowErrors: [Diagnostic] = []
    public var warnings: [Diagnostic] = []

    public init() {}

    /// Every environment some row names.
    public var environments: Set<EnvironmentName> {
        Set(whitelist.keys).union(environmentItems.keys)
    }
}
