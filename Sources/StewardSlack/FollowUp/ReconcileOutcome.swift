import Foundation
import StewardCore

/// One finished reconcile, as the Slack side needs it: when it started (a follow-up is only
/// answered by a pass that started after the edit), whether it ran at all, and per environment
/// what it did.
public struct ReconcileOutcome: Sendable, Hashable {
    public var startedAt: Date
    /// Set when the pass could not run (AWS unreachable, store unreadable).
    public var failure: String?
    public var environments: [EnvironmentName: EnvironmentOutcome]

    public init(startedAt: Date, failure: String? = nil, environments: [EnvironmentName: EnvironmentOutcome] = [:]) {
        self.startedAt = startedAt
        self.failure = failure
        self.environments = environments
    }
}
