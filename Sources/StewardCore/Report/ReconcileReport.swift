import Foundation

/// What one reconcile read, planned, refused and did, as typed values: the text, JSON and
/// Slack renderers word it; nothing parses it back.
public struct ReconcileReport: Sendable {
    /// The environments this pass covered (selected and known), in name order.
    public var environments: [EnvironmentName] = []
    /// Environments whose desired state could not be read this pass, with why; each is also in
    /// `environments` when a last good read lets its known expiries still end.
    public var unreadable: [EnvironmentName: [Diagnostic]] = [:]
    /// Rules-mode plans as executed (after guards): what was, or in a dry run would be, sent to AWS.
    public var plans: [WhitelistPlan] = []
    /// Plans of environments in prefix-list mode, after guards.
    public var prefixListPlans: [PrefixListPlan] = []
    /// Tier plans: in a dry run every projected phase per environment, in order; otherwise
    /// the phases executed and the last look.
    public var tierPlans: [TierPlan] = []
    /// Bastion plans, one per environment (after the unreadable-state guard).
    public var bastionPlans: [BastionPlan] = []
    /// Tier and bastion values set outside git review (the DynamoDB environments table), one
    /// line per environment as `DesiredStateOverrides.summary` words it: who set what, when.
    public var overrides: [EnvironmentName: String] = [:]
    /// Drift no plan carries: what Steward owns in environments no longer in desired state.
    public var orphans: [DriftItem] = []
    /// Tier warnings seen for the first time (a database that can't stop…): said once.
    public var tierWarnings: [String] = []
    /// When a tier or bastion that is waiting on AWS should be looked at again.
    public var retryAt: Date?
    public var results: [ActionResult] = []
    /// What the guards held back, and why.
    public var refusals: [Refusal] = []
    /// Desired-state files (and rows) that could not be used this time.
    public var desiredStateErrors: [Diagnostic] = []
    /// DynamoDB rows for unknown environments or contradicting the YAML (of the environments
    /// the pass covers): drift, not errors.
    public var desiredStateDiscrepancies: [DesiredStateDiscrepancy] = []
    public var observationProblems: [ObservationProblem] = []
    /// Set when the reconcile could not run at all.
    public var failure: ReconcileFailure?
    /// The earliest future expiry in desired state: when the loop should wake next.
    public var nextExpiry: Date?
    /// True when nothing was sent to AWS (`plan`, `apply --dry-run`, or before confirmation).
    public var isDryRun = false
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

    /// Every drift item of the pass, once each, most severe first.
    public var drift: [DriftItem] {
        let all = plans.flatMap(\.drift) + prefixListPlans.flatMap(\.drift) + tierPlans.flatMap(\.drift)
            + bastionPlans.flatMap(\.drift) + orphans
        return Array(Set(all)).sorted()
    }

    public var hasChanges: Bool {
        plans.contains { $0.hasChanges } || prefixListPlans.contains { $0.hasChanges } || tierPlans.contains { $0.hasChanges }
            || bastionPlans.contains { $0.hasChanges }
    }
    public var failedActions: [ActionResult] { results.filter { $0.outcome == .failed } }
    public var succeeded: Bool { failure == nil && failedActions.isEmpty }
}
