import Foundation

/// Every environment's desired state as read at one moment, with what was wrong with it.
///
/// An environment whose file could not be read is absent from `environments` and present in
/// `failures`: the reconciler must then make no change there except revoking entries it
/// already knows (from the last good read) to have expired.
public struct DesiredStateSnapshot: Sendable, Hashable {
    public var environments: [EnvironmentName: DesiredState]
    public var failures: [EnvironmentName: [Diagnostic]]
    /// Files that aren't an environment at all (bad file name): reported, never acted on.
    public var strayFailures: [Diagnostic]
    public var warnings: [Diagnostic]
    /// DynamoDB rows for environments nothing defines, and rows that contradict the YAML: not
    /// errors (the merge still has a rule for them), but drift a report should show.
    public var discrepancies: [DesiredStateDiscrepancy]

    public init(
        environments: [EnvironmentName: DesiredState] = [:],
        failures: [EnvironmentName: [Diagnostic]] = [:],
        strayFailures: [Diagnostic] = [],
        warnings: [Diagnostic] = [],
        discrepancies: [DesiredStateDiscrepancy] = []
    ) {
        self.environments = environments
        self.failures = failures
        self.strayFailures = strayFailures
        self.warnings = warnings
        self.discrepancies = discrepancies
    }

    public var isValid: Bool { failures.isEmpty && strayFailures.isEmpty }

    public var allErrors: [Diagnostic] {
        failures.keys.sorted().flatMap { failures[$0] ?? [] } + strayFailures
    }
}
