import Foundation
import Logging
import StewardAWS
import StewardCore

/// Environment tiers: observe each environment's services, databases and instances → plan the
/// current phase (`TierPlanner`; every projected phase in a dry run) → execute, phase by phase
/// while AWS keeps up: on a fast estate a transition finishes in one pass, on AWS it goes on
/// at the next wake. Environments whose desired state can't be read are left as they are:
/// nothing is started, stopped or deleted on a guess.
public struct TierStage: ReconcileStage {
    public let observer: TierObserver
    public let executor: TierExecutor
    public let planner: TierPlanner
    /// Phases executed in one pass at most: a full teardown → spinup needs five.
    public var maximumRounds = 6

    public init(clients: TierClients, configuration: StewardConfiguration) {
        observer = TierObserver(clients: clients, configuration: configuration)
        executor = TierExecutor(clients: clients, ownerID: configuration.ownerID, environmentTag: configuration.tiers.environmentTag)
        planner = TierPlanner(ownerID: configuration.ownerID)
    }

    func targets(_ pass: ReconcilePass) -> [ReconcileTarget] {
        pass.targets.filter { !$0.isUnreadable }
    }

    public func observe(_ pass: ReconcilePass) async -> StageObservation<TierObservation> {
        let environments = targets(pass).map(\.environment)
        guard !environments.isEmpty else { return .observed(TierObservation()) }
        do {
            let instances = try await pass.reads.instances.value()
            let observation = try await observer.observe(environments, instances: instances, isOrphan: { pass.isOrphan($0) })
            let problems = observation.problems.sorted { $0.key < $1.key }.map {
                ObservationProblem(source: .tierResources, environment: $0.key, message: "\($0.value); no tier changes")
            }
            return .observed(observation, problems: problems)
        } catch {
            return .failed(ObservationProblem(source: .tierResources, message: "could not read tier resources from AWS: \(error); no tier changes"))
        }
    }

    public func plan(_ pass: ReconcilePass, observation: TierObservation) -> StagePlan<TierObservation, TierPlan> {
        var stage = StagePlan<TierObservation, TierPlan>(observation: observation)
        for target in targets(pass) where observation.problems[target.environment] == nil {
            let observed = observation.resources[target.environment] ?? ObservedTierResources(environment: target.environment)
            if pass.options.dryRun {
                stage.plans += planner.phases(desired: target.desired, observed: observed, now: pass.startedAt)
            } else {
                stage.plans.append(planner.plan(desired: target.desired, observed: observed, now: pass.startedAt))
            }
        }
        stage.refusals = Array(Set(stage.plans.flatMap(\.refusals))).sorted()
        stage.orphans = observation.orphans.sorted { $0.key < $1.key }.flatMap { Self.orphans($0.value) }
        return stage
    }

    /// Runs the plan's phase, then reads again what it acted on and runs the next phase, while
    /// AWS has moved. A plan that was a projection (`plan`, then `apply` confirming it) runs
    /// only the actions it showed.
    public func execute(_ stagePlan: StagePlan<TierObservation, TierPlan>, pass: ReconcilePass) async -> StageExecution<TierPlan> {
        var execution = StageExecution<TierPlan>(plans: [])
        guard let observation = stagePlan.observation else { return execution }
        let confirmed: Set<TierActionKey>? = pass.options.dryRun ? Set(stagePlan.plans.flatMap(\.steps).map { TierActionKey($0.action) }) : nil
        let byEnvironment = Dictionary(targets(pass).map { ($0.environment, $0) }, uniquingKeysWith: { first, _ in first })
        var pending: [(ReconcileTarget, TierPlan)]
        if let confirmed {
            let environments = Set(stagePlan.plans.filter(\.hasChanges).map(\.environment))
            pending = environments.sorted().compactMap { environment in
                guard let target = byEnvironment[environment] else { return nil }
                let observed = observation.resources[environment] ?? ObservedTierResources(environment: environment)
                return (target, Self.restricted(planner.plan(desired: target.desired, observed: observed, now: pass.clock()), to: confirmed))
            }
        } else {
            pending = stagePlan.plans.compactMap { plan in byEnvironment[plan.environment].map { ($0, plan) } }
        }
        var deferred: Set<EnvironmentName> = []
        for round in 0..<maximumRounds {
            guard !pending.isEmpty else { break }
            var progressed: [ReconcileTarget] = []
            for (target, plan) in pending {
                // Later rounds report when they act or still wait; a quiet last look is left
                // out so the last plan of an environment is the last one that said something.
                if round == 0 || !plan.steps.isEmpty || !plan.waits.isEmpty {
                    execution.plans?.append(plan)
                } else if let index = execution.plans?.lastIndex(where: { $0.environment == plan.environment }) {
                    // Converged after acting: what earlier rounds waited on is resolved.
                    execution.plans?[index].notes.removeAll { $0.kind == .wait }
                }
                guard plan.hasChanges else { continue }
                let results = await executor.execute(plan)
                execution.results += results
                if results.contains(where: { $0.outcome == .deferred }) { deferred.insert(plan.environment) }
                if results.contains(where: { $0.outcome == .applied || $0.outcome == .converged }),
                   !results.contains(where: { $0.outcome == .failed }) {
                    progressed.append(target)
                }
            }
            guard !progressed.isEmpty, round + 1 < maximumRounds else { break }
            pending = await nextPhase(progressed, confirmed: confirmed, pass: pass, into: &execution)
        }
        let last = Dictionary((execution.plans ?? []).map { ($0.environment, $0) }, uniquingKeysWith: { _, last in last })
        execution.waiting = deferred.union(last.values.filter { !$0.waits.isEmpty }.map(\.environment))
        return execution
    }

    /// The next phase of the environments that moved, planned from a fresh look at them.
    private func nextPhase(_ targets: [ReconcileTarget], confirmed: Set<TierActionKey>?, pass: ReconcilePass,
                           into execution: inout StageExecution<TierPlan>) async -> [(ReconcileTarget, TierPlan)] {
        let observation: TierObservation
        do {
            observation = try await observer.observe(targets.map(\.environment))
        } catch {
            execution.problems.append(ObservationProblem(source: .tierResources, message: "could not read tier resources from AWS: \(error); no tier changes"))
            return []
        }
        return targets.compactMap { target in
            if let problem = observation.problems[target.environment] {
                execution.problems.append(ObservationProblem(source: .tierResources, environment: target.environment, message: "\(problem); no tier changes"))
                return nil
            }
            let observed = observation.resources[target.environment] ?? ObservedTierResources(environment: target.environment)
            let plan = planner.plan(desired: target.desired, observed: observed, now: pass.clock())
            return (target, confirmed.map { Self.restricted(plan, to: $0) } ?? plan)
        }
    }

    /// Keeps only the confirmed actions; the rest wait for a new plan.
    static func restricted(_ plan: TierPlan, to confirmed: Set<TierActionKey>) -> TierPlan {
        var plan = plan
        let held = plan.steps.filter { !confirmed.contains(TierActionKey($0.action)) }
        plan.steps = plan.steps.filter { confirmed.contains(TierActionKey($0.action)) }
        plan.notes += held.map { TierNote(.wait, resource: $0.action.resource.name, "\($0.action.summary) was not in the confirmed plan; run plan again") }
        return plan
    }

    /// Steward's services, databases and instances in an environment desired state no longer has.
    static func orphans(_ resources: ObservedTierResources) -> [DriftItem] {
        let environment = resources.environment
        let references = resources.services.map(\.resource.reference) + resources.databases.map(\.resource.reference)
            + resources.instances.map { ResourceReference.ec2Instances([$0.id]) }
        return references.map {
            DriftItem(kind: .orphanedResource, severity: .medium, environment: environment, resource: $0,
                      message: "is Steward's, in environment \(environment), which desired state no longer has; left as it is — "
                          + "restore \(environment)'s desired state to manage it, or remove it by hand")
        }
    }
}
