import Foundation
import StewardCore

/// `steward drift` and the daemon's drift reports: the reconciler's own observe and plan (the
/// same reads as `plan`, nothing sent), turned into findings, folded into the history, new
/// findings attributed through CloudTrail when an attributor is given.
public struct DriftReporter: Sendable {
    public let reconciler: Reconciler
    public let history: any DriftHistoryStore
    public let attributor: CloudTrailAttributor?
    /// Where desired state is read from, as the report says it.
    public let desiredStateSource: String
    let clock: @Sendable () -> Date

    public init(reconciler: Reconciler, history: any DriftHistoryStore, attributor: CloudTrailAttributor? = nil, desiredStateSource: String,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.reconciler = reconciler
        self.history = history
        self.attributor = attributor
        self.desiredStateSource = desiredStateSource
        self.clock = clock
    }

    /// Plans (a dry run) and reports. `recording: false` reports against the history without
    /// changing it (a look from Slack is not one of the reports history counts).
    /// `stewardActed`, `stewardActionsComplete`: what the audit log says Steward changed since
    /// the last report (the CLI's `drift`), as for `report(observation:…)`.
    public func report(_ options: ReconcileOptions = ReconcileOptions(), stewardActed: Set<String> = [], stewardActionsComplete: Bool = false,
                       recording: Bool = true) async throws(DriftHistoryError) -> DriftReport {
        var options = options
        options.dryRun = true
        let planned = await reconciler.plan(options)
        let prices = reconciler.configuration.tiers.prices
        var observation = DriftObservation(report: planned.report, dailyCost: planned.dailyTierCost(prices: prices), prices: prices)
        observation.selection = options.environments
        return try await report(observation: observation, stewardActed: stewardActed, stewardActionsComplete: stewardActionsComplete,
                                recording: recording)
    }

    /// Reports what a pass already saw (the daemon's passes). `stewardActed`: resource ids the
    /// pass changed, so findings they resolve are marked fixed by Steward; with
    /// `stewardActionsComplete` the others are marked fixed by someone else.
    public func report(observation: DriftObservation, stewardActed: Set<String> = [], stewardActionsComplete: Bool = false,
                       recording: Bool = true) async throws(DriftHistoryError) -> DriftReport {
        let now = clock()
        var actors: [String: DriftActor] = [:]
        // The look before the recorded fold is only needed to know which findings are new for
        // attribution, or when nothing is recorded; without it the daemon reads its history
        // (a file, or a DynamoDB item) once a pass instead of twice.
        if attributor != nil || !recording {
            var history = try await self.history.load()
            var report = DriftReport.make(observation: observation, history: &history, stewardActed: stewardActed,
                                          stewardActionsComplete: stewardActionsComplete, desiredState: desiredStateSource, now: now)
            guard let attributor else { return report }
            let fresh = report.findings.filter { $0.state == .new && $0.actor == nil }
            let requests = fresh.compactMap { finding in AttributionRequest(finding: finding).map { (finding.id, $0) } }
            let answers = await attributor.attribute(requests.map(\.1))
            for (id, request) in requests {
                if let actor = answers[request]?.actor { actors[id] = actor }
            }
            history.recordActors(actors)
            for index in report.findings.indices {
                if let actor = actors[report.findings[index].id] { report.findings[index].actor = actor }
            }
            guard recording else { return report }
        }
        // The fold is replayed on the history as it is under the lock (not saved from the copy
        // read before attribution), so an ack or alert mark written meanwhile by another
        // process is kept; attribution ran outside the lock because it waits on CloudTrail.
        let shown = actors
        let source = desiredStateSource
        return try await self.history.modify { (current: inout DriftHistory) throws(DriftHistoryError) -> DriftReport in
            var final = DriftReport.make(observation: observation, history: &current, stewardActed: stewardActed,
                                         stewardActionsComplete: stewardActionsComplete, desiredState: source, now: now)
            current.recordActors(shown)
            for index in final.findings.indices {
                if let actor = shown[final.findings[index].id] ?? current.findings[final.findings[index].id]?.actor {
                    final.findings[index].actor = actor
                }
            }
            return final
        }
    }
}

extension ReconcilePlan {
    /// Per environment, what each tier resource costs a day as observed, by its name.
    func dailyTierCost(prices: PriceTable) -> [EnvironmentName: [String: Double]] {
        guard let pass, let observation = tiers?.observation else { return [:] }
        var costs: [EnvironmentName: [String: Double]] = [:]
        let plans = Dictionary(report.tierPlans.map { ($0.environment, $0) }, uniquingKeysWith: { first, _ in first })
        for target in pass.targets {
            guard let observed = observation.resources[target.environment], let plan = plans[target.environment] else { continue }
            let status = InfraStatus(desired: target.desired, observed: observed, plan: plan, prices: prices)
            costs[target.environment] = Dictionary(status.rows.map { ($0.resource, $0.monthlyCost / PriceTable.hoursPerMonth * 24) },
                                                   uniquingKeysWith: +)
        }
        return costs
    }
}
