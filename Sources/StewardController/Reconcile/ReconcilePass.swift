import Foundation
import StewardCore

/// What every stage of one pass shares: the environments to plan, the options, the time the
/// pass started, and the reads more than one stage needs (made once).
public struct ReconcilePass: Sendable {
    /// In environment order.
    public var targets: [ReconcileTarget]
    /// Every environment desired state knows, readable or not; nil when it can't be known (the
    /// store was unreadable, or `--env` narrowed the pass): then nothing is called an orphan.
    public var knownEnvironments: Set<EnvironmentName>?
    public var options: ReconcileOptions
    public var startedAt: Date
    public let clock: @Sendable () -> Date
    let reads: PassReads

    init(targets: [ReconcileTarget], knownEnvironments: Set<EnvironmentName>?, options: ReconcileOptions, startedAt: Date,
         clock: @escaping @Sendable () -> Date, reads: PassReads) {
        self.targets = targets
        self.knownEnvironments = knownEnvironments
        self.options = options
        self.startedAt = startedAt
        self.clock = clock
        self.reads = reads
    }

    public var environments: [EnvironmentName] { targets.map(\.environment) }

    /// An environment that has Steward's resources but is no longer in desired state.
    public func isOrphan(_ environment: EnvironmentName) -> Bool {
        knownEnvironments.map { !$0.contains(environment) } ?? false
    }
}
