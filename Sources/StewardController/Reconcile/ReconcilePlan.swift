import StewardCore

/// A planned pass: what it would do (`report`, as `plan` shows it) and everything `apply`
/// needs to do exactly that, the snapshots planned from included.
public struct ReconcilePlan: Sendable {
    /// The plan as shown: plans after guards, held actions as refused results, nothing executed.
    public var report: ReconcileReport
    let pass: ReconcilePass?
    var whitelist: StagePlan<WhitelistObservation, WhitelistPlan>?
    var prefixLists: StagePlan<PrefixListObservation, PrefixListPlan>?
    var tiers: StagePlan<TierObservation, TierPlan>?
    var bastions: StagePlan<BastionObservation, BastionPlan>?

    init(report: ReconcileReport, pass: ReconcilePass?) {
        self.report = report
        self.pass = pass
    }

    /// Folds the stages' plans into the report, in the order the stages run.
    mutating func collect() {
        report.plans = whitelist?.plans ?? []
        report.prefixListPlans = prefixLists?.plans ?? []
        report.tierPlans = tiers?.plans ?? []
        report.bastionPlans = bastions?.plans ?? []
        for part in [whitelist?.parts, prefixLists?.parts, tiers?.parts, bastions?.parts].compactMap({ $0 }) {
            report.results += part.held
            report.refusals += part.refusals
            report.orphans += part.orphans
            report.observationProblems += part.problems
        }
        // Without the managed groups nothing can be judged: the pass as a whole could not run.
        if let whitelist, whitelist.failed, let problem = whitelist.problems.first {
            report.observationProblems.removeAll { $0 == problem }
            report.failure = ReconcileFailure(.awsUnreadable, problem.message)
        }
    }
}

extension StagePlan {
    /// What every stage plan adds to a report, whatever its plan type.
    var parts: (held: [ActionResult], refusals: [Refusal], orphans: [DriftItem], problems: [ObservationProblem]) {
        (held, refusals, orphans, problems)
    }
}
