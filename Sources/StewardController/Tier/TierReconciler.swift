import Foundation
import Logging
import StewardCore

/// Observe → plan → execute for environment tiers, repeated while progress is possible: on
/// AWS a transition is one phase per loop (databases take minutes), on a fast estate it
/// finishes in one pass. Dry runs plan every phase against a simulation instead.
public struct TierReconciler: Sendable {
    public let observer: TierObserver
    public let executor: TierExecutor
    public let planner: TierPlanner
    /// Phases executed in one pass at most: a full teardown → spinup needs five.
    public var maximumRounds = 6

    public init(observer: TierObserver, executor: TierExecutor, ownerID: String) {
        self.observer = observer
        self.executor = executor
        self.planner = TierPlanner(ownerID: ownerID)
    }

    public struct Outcome: Sendable {
        /// In a dry run every projected phase; otherwise the plans executed, round by round,
        /// and the last look (what is left to wait for).
        public var plans: [TierPlan] = []
        public var results: [ActionResult] = []
        public var problems: [String] = []
    }

    /// - Parameter confirmed: when set (`steward apply` executing what it showed), only actions
    ///   whose kind and resource appear here are executed.
    public func reconcile(_ wanted: [(EnvironmentName, DesiredState)], now: @Sendable () -> Date, dryRun: Bool,
                          confirmed: Set<TierActionKey>? = nil) async -> Outcome {
        var outcome = Outcome()
        var pending = wanted
        for round in 0..<(dryRun ? 1 : maximumRounds) {
            guard !pending.isEmpty else { break }
            let observation: TierObservation
            do {
                observation = try await observer.observe(pending.map(\.0))
            } catch {
                outcome.problems.append("could not read tier resources from AWS: \(error); no tier changes")
                break
            }
            var progressed: [(EnvironmentName, DesiredState)] = []
            for (environment, desired) in pending {
                if let problem = observation.problems[environment] {
                    outcome.problems.append("\(problem); no tier changes for \(environment)")
                    continue
                }
                let observed = observation.resources[environment] ?? ObservedTierResources(environment: environment)
                if dryRun {
                    outcome.plans += planner.phases(desired: desired, observed: observed, now: now())
                    continue
                }
                var plan = planner.plan(desired: desired, observed: observed, now: now())
                if let confirmed {
                    let (kept, held) = plan.steps.reduce(into: ([TierStep](), [TierStep]())) { split, step in
                        if confirmed.contains(TierActionKey(step.action)) { split.0.append(step) } else { split.1.append(step) }
                    }
                    plan.steps = kept
                    if !held.isEmpty {
                        plan.notes += held.map { TierNote(.wait, resource: $0.action.resource.name, "\($0.action.summary) was not in the confirmed plan; run plan again") }
                    }
                }
                // Later rounds report when they act or still wait; a quiet last look is left
                // out so the last plan of an environment is the last one that said something.
                if round == 0 || !plan.steps.isEmpty || !plan.waits.isEmpty {
                    outcome.plans.append(plan)
                } else if let index = outcome.plans.lastIndex(where: { $0.environment == environment }) {
                    // Converged after acting: what earlier rounds waited on is resolved.
                    outcome.plans[index].notes.removeAll { $0.kind == .wait }
                }
                guard plan.hasChanges else { continue }
                let results = await executor.execute(plan)
                outcome.results += results
                if results.contains(where: { $0.outcome == .applied || $0.outcome == .converged }),
                   !results.contains(where: { $0.outcome == .failed }) {
                    progressed.append((environment, desired))
                }
            }
            pending = progressed
        }
        return outcome
    }
}

/// Identifies an action for "was it in the plan the user confirmed?".
public struct TierActionKey: Sendable, Hashable {
    public var kind: ActionResult.Kind
    public var resource: String

    public init(_ action: TierAction) {
        kind = action.kind
        resource = action.resource.name
    }
}
