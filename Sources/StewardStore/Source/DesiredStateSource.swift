import Foundation
import StewardAWS
import StewardCore

/// Where desired state lives for this process, as configuration says: the store every reader
/// and editor goes through, the feed that says when it changed, and words for the log.
public struct DesiredStateSource: Sendable {
    public let store: any DesiredStateStore
    public let changeFeed: any DesiredStateChangeFeed
    /// `desired-state (YAML directory)`: for logs, `validate` and reports.
    public let description: String

    public init(store: any DesiredStateStore, changeFeed: any DesiredStateChangeFeed, description: String) {
        self.store = store
        self.changeFeed = changeFeed
        self.description = description
    }

    /// The source configuration names: the YAML directory alone, DynamoDB alone (the seed's
    /// layout), or DynamoDB layered over YAML, with their feeds merged.
    /// - Parameters:
    ///   - yamlDirectory: the desired-state directory, already resolved against the working
    ///     directory and the command line; nil when DynamoDB holds everything.
    ///   - aws: the client the DynamoDB store and its stream feed use; required only when
    ///     `configuration.desiredState.dynamoDB` is set (YAML alone stays offline).
    public static func make(configuration: StewardConfiguration, yamlDirectory: URL?, aws: AWSClient? = nil,
                            streamTiming: DynamoDBStreamChangeFeed.Timing? = nil) throws(StoreError) -> DesiredStateSource {
        var yaml: YAMLDirectoryStore?
        var yamlFeed: YAMLDirectoryChangeFeed?
        if let yamlDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: yamlDirectory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .directoryMissing(path: yamlDirectory.relativePath)
            }
            yaml = YAMLDirectoryStore(directory: yamlDirectory, policy: configuration.policy)
            yamlFeed = YAMLDirectoryChangeFeed(directory: yamlDirectory.path)
        }
        guard let settings = configuration.desiredState.dynamoDB else {
            guard let yaml, let yamlFeed, let yamlDirectory else {
                throw .notConfigured(reason: "no YAML directory and no DynamoDB table")
            }
            return DesiredStateSource(store: yaml, changeFeed: yamlFeed, description: "\(yamlDirectory.relativePath) (YAML directory)")
        }
        guard let aws else { throw .notConfigured(reason: "desired_state.dynamodb is set but no AWS client was given") }
        let dynamoDB = DynamoDBDesiredStateStore(settings: settings, client: aws, policy: configuration.policy)
        let layered = LayeredDesiredStateStore(yaml: yaml, dynamoDB: dynamoDB, configuredEnvironments: Set(configuration.environments.keys))
        var timing = streamTiming ?? DynamoDBStreamChangeFeed.Timing()
        timing.pollInterval = .seconds(settings.pollInterval.seconds)
        let streamFeed = DynamoDBStreamChangeFeed(client: aws, timing: timing) {
            // Per-environment tables: those of the environments known now.
            let known: Set<EnvironmentName>
            if settings.isPerEnvironment, let snapshot = try? await layered.load() {
                known = Set(snapshot.environments.keys).union(snapshot.failures.keys)
            } else {
                known = []
            }
            return dynamoDB.whitelistTables(for: known) + [settings.environmentsTable].compactMap { $0 }
        }
        var tables = settings.whitelistTable
        if let environmentsTable = settings.environmentsTable { tables += ", \(environmentsTable)" }
        guard let yamlFeed, let yamlDirectory else {
            return DesiredStateSource(store: layered, changeFeed: streamFeed, description: "DynamoDB (\(tables))")
        }
        return DesiredStateSource(store: layered, changeFeed: MergedChangeFeed([yamlFeed, streamFeed]),
                                  description: "\(yamlDirectory.relativePath) (YAML directory) with DynamoDB (\(tables))")
    }
}
