import Foundation
import StewardCore

/// What one reconcile saw, planned, refused and did.
public struct ReconcileReport: Sendable {
    /// Plans as executed (after guards): what was, or in a dry run would be, sent to AWS.
    public var plans: [WhitelistPlan] = []
    /// Plans of environments in prefix-list mode, after guards.
    public var prefixListPlans: [PrefixListPlan] = []
    /// Tier plans: in a dry run every projected phase per environment, in order; otherwise
    /// the phases executed and the last look.
    public var tierPlans: [TierPlan] = []
    /// Bastion plans, one per environment (after the unreadable-state guard).
    public var bastionPlans: [BastionPlan] = []
    /// Tier warnings seen for the first time (a database that can't stop…): said once.
    public var tierWarnings: [String] = []
    /// When a tier that is waiting on AWS should be looked at again.
    public var retryAt: Date?
    public var results: [ActionResult] = []
    /// Guards that held actions back, one line each, naming the environment.
    public var refusals: [String] = []
    /// Desired-state files that could not be used this time.
    public var desiredStateErrors: [Diagnostic] = []
    public var observationProblems: [String] = []
    /// Set when the reconcile could not run at all (AWS unreachable, store unreadable).
    public var failure: String?
    /// The earliest future expiry in desired state: when the loop should wake next.
    public var nextExpiry: Date?
    public var startedAt: Date
    public var finishedAt: Date

    public init(startedAt: Date) {
        self.startedAt = startedAt
        self.finishedAt = startedAt
    }

    /// Each environment's last tier plan: after execution, the last look, so its waits are
    /// what AWS is still doing.
    public var lastTierPlans: [EnvironmentName: TierPlan] {
        var last: [EnvironmentName: TierPlan] = [:]
        for plan in tierPlans { last[plan.environment] = plan }
        return last
    }

    public var hasChanges: Bool {
        plans.contains { $0.hasChanges } || prefixListPlans.contains { $0.hasChanges } || tierPlans.contains { $0.hasChanges }
            || bastionPlans.contains { $0.hasChanges }
    }
    public var failedActions: [ActionResult] { results.filter { $0.outcome == .failed } }
    public var succeeded: Bool { failure == nil && failedActions.isEmpty }
}
