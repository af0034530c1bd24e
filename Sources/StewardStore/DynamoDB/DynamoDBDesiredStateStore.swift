import Foundation
import StewardAWS
import StewardCore

/// Desired state in DynamoDB: the seed's whitelist table (one per environment, or shared) and
/// the environments table (tier and bastion lease set from Slack or the CLI).
///
/// Reads are whole-table Scans (ConsistentRead per configuration; per-environment tables may
/// be queried through `environment-index` instead), paginated, never one call per item. Edits
/// are conditional writes (`attribute_not_exists` for a new row, the row's `version`
/// otherwise) applied through `DesiredState.applying`; a lost race re-reads and re-applies.
/// Used alone it is the seed's layout; `LayeredDesiredStateStore` puts it over YAML.
public final class DynamoDBDesiredStateStore: DesiredStateStore {
    public let settings: DynamoDBDesiredStateSettings
    public let policy: Policy
    let dynamoDB: DynamoDBClient
    let clock: @Sendable () -> Date
    /// How often a conditional write that lost a race is re-read and re-applied.
    public static let maximumEditAttempts = 8

    public init(settings: DynamoDBDesiredStateSettings, client: AWSClient, policy: Policy = .default,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.settings = settings
        self.policy = policy
        self.dynamoDB = DynamoDBClient(client: client)
        self.clock = clock
    }

    /// The tables a change feed watches for these environments.
    public func whitelistTables(for environments: Set<EnvironmentName>) -> [String] {
        settings.isPerEnvironment ? environments.sorted().map { settings.whitelistTable(for: $0) } : [settings.whitelistTable]
    }

    // MARK: - DesiredStateStore (alone: no YAML under it)

    public func load() async throws -> DesiredStateSnapshot {
        try await LayeredDesiredStateStore(yaml: nil, dynamoDB: self).load()
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        try await apply(edit, to: environment, actor: actor, now: now, context: DesiredStateEditContext(), reviewed: nil)
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
                      context: DesiredStateEditContext) async throws -> DesiredState {
        try await apply(edit, to: environment, actor: actor, now: now, context: context, reviewed: nil)
    }

    // MARK: - Reads

    /// Reads every table once. `known`: environments named elsewhere (YAML files), which with
    /// per-environment tables decide which tables exist to read. Throws when a table that holds
    /// every environment (the shared whitelist table, the environments table) can't be read:
    /// then no environment may change.
    public func read(known: Set<EnvironmentName>, now: Date) async throws(StoreError) -> DynamoDBDesiredStateRead {
        var read = DynamoDBDesiredStateRead()
        if let table = settings.environmentsTable {
            let items = try await scan(table, consistent: settings.consistentReads)
            for item in items where !ReservedEnvironmentKey.isReserved(item[EnvironmentItemCodec.environment]?.stringValue) {
                let decoded = EnvironmentItemCodec.decode(item, table: table)
                if let record = decoded.record { read.environmentItems[record.environment] = record }
                read.rowErrors += decoded.errors
            }
        }
        if settings.isPerEnvironment {
            let environments = known.union(read.environmentItems.keys)
            for environment in environments.sorted() {
                let table = settings.whitelistTable(for: environment)
                do {
                    let items = try await environmentItems(table: table, environment: environment, consistent: settings.consistentReads)
                    add(items, table: table, to: &read, now: now)
                } catch {
                    read.unreadable[environment] = [Diagnostic(.error, path: table, message: error.description)]
                }
            }
        } else {
            let table = settings.whitelistTable
            add(try await scan(table, consistent: settings.consistentReads), table: table, to: &read, now: now)
        }
        return read
    }

    /// One environment's rows and item, read consistently, for an edit.
    func readForEdit(_ environment: EnvironmentName, now: Date) async throws(StoreError) -> DynamoDBDesiredStateRead {
        var read = DynamoDBDesiredStateRead()
        let table = settings.whitelistTable(for: environment)
        add(try await environmentItems(table: table, environment: environment, consistent: true), table: table, to: &read, now: now)
        if let environmentsTable = settings.environmentsTable {
            let item: DynamoDBItem?
            do {
                item = try await dynamoDB.getItem(table: environmentsTable, key: [EnvironmentItemCodec.environment: .s(environment.rawValue)])
            } catch {
                throw Self.unavailable(environmentsTable, operation: "read", error)
            }
            if let item {
                let decoded = EnvironmentItemCodec.decode(item, table: environmentsTable)
                guard let record = decoded.record else {
                    let reasons = decoded.errors.map { (diagnostic: Diagnostic) in diagnostic.description }.joined(separator: "; ")
                    throw StoreError.tableUnavailable(table: environmentsTable, operation: "use",
                                                      reason: "its item for \(environment) is invalid (\(reasons)); fix or delete it")
                }
                read.environmentItems[environment] = record
            }
        }
        return read
    }

    private func add(_ items: [DynamoDBItem], table: String, to read: inout DynamoDBDesiredStateRead, now: Date) {
        for item in items {
            let decoded = WhitelistItemCodec.decode(item, table: table, policy: policy, now: now)
            for diagnostic in decoded.diagnostics {
                if diagnostic.severity == .error { read.rowErrors.append(diagnostic) } else { read.warnings.append(diagnostic) }
            }
            if let record = decoded.record { read.whitelist[record.environment, default: []].append(record) }
        }
    }

    /// The rows of one environment: its own table whole, or its rows of the shared one.
    private func environmentItems(table: String, environment: EnvironmentName, consistent: Bool) async throws(StoreError) -> [DynamoDBItem] {
        let matchesEnvironment = DynamoDBExpression("#environment = :environment", names: ["#environment": WhitelistItemCodec.environment],
                                                    values: [":environment": .s(environment.rawValue)])
        do {
            if !consistent {
                return try await dynamoDB.query(table: table, index: "environment-index", keyCondition: matchesEnvironment)
            }
            return try await dynamoDB.scan(table: table, filter: settings.isPerEnvironment ? nil : matchesEnvironment, consistentRead: true)
        } catch {
            throw Self.unavailable(table, operation: "read", error)
        }
    }

    private func scan(_ table: String, consistent: Bool) async throws(StoreError) -> [DynamoDBItem] {
        do {
            return try await dynamoDB.scan(table: table, consistentRead: consistent ? true : nil)
        } catch {
            throw Self.unavailable(table, operation: "read", error)
        }
    }

    static func unavailable(_ table: String, operation: String, _ error: any Error) -> StoreError {
        guard let aws = error as? AWSError else {
            return .tableUnavailable(table: table, operation: operation, reason: "\(error)")
        }
        if aws.code == .resourceNotFound {
            return .tableUnavailable(table: table, operation: operation, reason: "the table does not exist (\(aws.code))")
        }
        if aws.isAccessDenied {
            return .tableUnavailable(table: table, operation: operation, reason: "access denied (\(aws.code), HTTP \(aws.statusCode))")
        }
        if aws.isThrottling {
            return .tableUnavailable(table: table, operation: operation, reason: "throttled past retries (\(aws.code))")
        }
        return .tableUnavailable(table: table, operation: operation, reason: aws.description)
    }
}
