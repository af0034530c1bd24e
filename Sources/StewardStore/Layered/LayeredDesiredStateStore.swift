import Foundation
import StewardCore

/// Git-reviewed YAML with DynamoDB over it, seen as one desired state: YAML holds what was
/// reviewed, DynamoDB what Slack and the CLI add. An environment exists if it has a YAML file
/// or any row in either table. Edits go to DynamoDB (tier and bastion to YAML when no
/// environments table is configured); an entry defined in YAML can't be removed from Slack.
public final class LayeredDesiredStateStore: DesiredStateStore {
    public let yaml: YAMLDirectoryStore?
    public let dynamoDB: DynamoDBDesiredStateStore
    /// steward.yaml's `environments:`: names that are environments even without a YAML file,
    /// so their DynamoDB rows are not reported as naming an unknown environment.
    public let configuredEnvironments: Set<EnvironmentName>

    public init(yaml: YAMLDirectoryStore?, dynamoDB: DynamoDBDesiredStateStore, configuredEnvironments: Set<EnvironmentName> = []) {
        self.yaml = yaml
        self.dynamoDB = dynamoDB
        self.configuredEnvironments = configuredEnvironments
    }

    public func load() async throws -> DesiredStateSnapshot {
        let now = dynamoDB.clock()
        let reviewed = try await yaml?.load() ?? DesiredStateSnapshot()
        let known = Set(reviewed.environments.keys).union(reviewed.failures.keys)
        let read = try await dynamoDB.read(known: known, now: now)
        var snapshot = DesiredStateSnapshot(strayFailures: reviewed.strayFailures + read.rowErrors, warnings: reviewed.warnings + read.warnings)
        // Without a YAML layer or a configured list, DynamoDB alone defines environments.
        let defined = yaml == nil && configuredEnvironments.isEmpty ? nil : known.union(configuredEnvironments)
        snapshot.discrepancies = DesiredStateLayering.discrepancies(read: read, defined: defined, reviewed: reviewed.environments,
                                                                    reviewedPath: yamlPath)
        for environment in known.union(read.environments).union(read.unreadable.keys) {
            let failures = (reviewed.failures[environment] ?? []) + (read.unreadable[environment] ?? [])
            guard failures.isEmpty else {
                snapshot.failures[environment] = failures
                continue
            }
            let merged = DesiredStateLayering.merge(environment, layer(environment, reviewed: reviewed, read: read))
            snapshot.environments[environment] = merged.state
            snapshot.warnings += merged.warnings
            if let summary = merged.state.overrides?.summary(tier: merged.state.tier) {
                snapshot.warnings.append(Diagnostic(.warning, path: merged.state.overrides?.source ?? "", message: "override: \(summary)"))
            }
        }
        return snapshot
    }

    func layer(_ environment: EnvironmentName, reviewed: DesiredStateSnapshot, read: DynamoDBDesiredStateRead) -> DesiredStateLayering.Layer {
        DesiredStateLayering.Layer(
            reviewed: reviewed.environments[environment], reviewedPath: yamlPath(environment),
            rows: read.whitelist[environment] ?? [], environmentItem: read.environmentItems[environment])
    }

    func yamlPath(_ environment: EnvironmentName) -> String? {
        guard let yaml else { return nil }
        let directory = yaml.directory.relativePath
        return (directory.hasSuffix("/") ? directory : directory + "/") + environment.rawValue + ".yaml"
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date) async throws -> DesiredState {
        try await apply(edit, to: environment, actor: actor, now: now, context: DesiredStateEditContext())
    }

    public func apply(_ edit: DesiredStateEdit, to environment: EnvironmentName, actor: String, now: Date,
                      context: DesiredStateEditContext) async throws -> DesiredState {
        if dynamoDB.settings.environmentsTable == nil, !edit.isWhitelistEdit, let yaml {
            // Without an environments table the tier and lease stay in the reviewed file.
            return try await yaml.apply(edit, to: environment, actor: actor, now: now)
        }
        var reviewed: ReviewedState?
        if let yaml {
            let snapshot = try await yaml.load()
            if let diagnostics = snapshot.failures[environment] { throw DesiredStateEditError.invalidFile(diagnostics) }
            reviewed = snapshot.environments[environment].map { ReviewedState(state: $0, path: yamlPath(environment) ?? "") }
        }
        return try await dynamoDB.apply(edit, to: environment, actor: actor, now: now, context: context, reviewed: reviewed)
    }
}
