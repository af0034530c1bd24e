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
            let tiers = Dictionary(targets(pass).map { ($0.environment, Self.plannedTier($0.desired, now: pass.startedAt)) }, uniquingKeysWith: { first, _ in first })
            let observation = try await observer.observe(environments, tiers: tiers, instances: { try await pass.reads.instances.value() },
                                                       isOrphan: { pass.isOrphan($0) })
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

    /// Runs the plan's phase and, while AWS keeps up, the next: a phase that gates on AWS
    /// (services drained before databases stop, databases available before services scale up)
    /// reads again only what the phase before acted on, and only when a next phase would
    /// follow. A plan that was a projection (`plan`, then `apply` confirming it) runs only the
    /// actions it showed.
    public func execute(_ stagePlan: StagePlan<TierObservation, TierPlan>, pass: ReconcilePass) async -> StageExecution<TierPlan> {
        var execution = StageExecution<TierPlan>(plans: [])
        guard let observation = stagePlan.observation else { return execution }
        let confirmed: Set<TierActionKey>? = pass.options.dryRun ? Set(stagePlan.plans.flatMap(\.steps).map { TierActionKey($0.action) }) : nil
        let byEnvironment = Dictionary(targets(pass).map { ($0.environment, $0) }, uniquingKeysWith: { first, _ in first })
        func world(_ environment: EnvironmentName) -> ObservedTierResources {
            observation.resources[environment] ?? ObservedTierResources(environment: environment)
        }
        var pending: [Phase]
        if let confirmed {
            let environments = Set(stagePlan.plans.filter(\.hasChanges).map(\.environment))
            pending = environments.sorted().compactMap { environment in
                byEnvironment[environment].map { target in
                    Phase(target: target, world: world(environment),
                          plan: Self.restricted(planner.plan(desired: target.desired, observed: world(environment), now: pass.clock()), to: confirmed))
                }
            }
        } else {
            pending = stagePlan.plans.compactMap { plan in byEnvironment[plan.environment].map { Phase(target: $0, world: world(plan.environment), plan: plan) } }
        }
        for round in 0..<maximumRounds {
            guard !pending.isEmpty else { break }
            var next: [Phase] = []
            for phase in pending {
                let environment = phase.target.environment
                // Later rounds report when they act or still wait; a quiet last look is left
                // out so the last plan of an environment is the last one that said something.
                if round == 0 || !phase.plan.steps.isEmpty || !phase.plan.waits.isEmpty {
                    execution.plans?.append(phase.plan)
                } else if let index = execution.plans?.lastIndex(where: { $0.environment == environment }) {
                    // Converged after acting: what earlier rounds waited on is resolved.
                    execution.plans?[index].notes.removeAll { $0.kind == .wait }
                }
                guard phase.plan.hasChanges else { continue }
                let done = await executor.execute(phase.plan)
                execution.results += done.results
                if done.results.contains(where: { $0.outcome == .deferred }) { execution.waiting.insert(environment) }
                let progressed = done.results.contains { $0.outcome == .applied || $0.outcome == .converged }
                    && !done.results.contains { $0.outcome == .failed }
                guard progressed else { continue }
                let executed = zip(phase.plan.steps, done.results).filter { $0.1.outcome == .applied || $0.1.outcome == .converged }.map(\.0.action)
                // What AWS holds once these took effect; without a next phase, nothing needs reading.
                let projected = executed.reduce(phase.world) { $0.simulating($1, now: pass.clock()) }
                guard round + 1 < maximumRounds, planner.plan(desired: phase.target.desired, observed: projected, now: pass.clock()).hasChanges else {
                    // Databases take minutes to start or stop on AWS: look again soon.
                    if executed.contains(where: \.movesADatabase) { execution.waiting.insert(environment) }
                    continue
                }
                guard let refreshed = await refresh(projected, after: executed, scaled: done.scaledServices, of: phase.target, pass: pass, into: &execution) else { continue }
                let plan = planner.plan(desired: phase.target.desired, observed: refreshed, now: pass.clock())
                next.append(Phase(target: phase.target, world: refreshed, plan: confirmed.map { Self.restricted(plan, to: $0) } ?? plan))
            }
            pending = next
        }
        let last = Dictionary((execution.plans ?? []).map { ($0.environment, $0) }, uniquingKeysWith: { _, last in last })
        execution.waiting.formUnion(last.values.filter { !$0.waits.isEmpty }.map(\.environment))
        return execution
    }

    /// One environment's next phase and the world it was planned from.
    struct Phase {
        var target: ReconcileTarget
        var world: ObservedTierResources
        var plan: TierPlan
    }

    /// The world after `executed`, with what the next phase waits on read again: the counts ECS
    /// answered each scaling with, the status of each database started or stopped. A phase that
    /// snapshotted, deleted or restored a database reads the environment again in full.
    private func refresh(_ projected: ObservedTierResources, after executed: [TierAction], scaled: [String: TierExecution.ServiceCounts],
                         of target: ReconcileTarget, pass: ReconcilePass, into execution: inout StageExecution<TierPlan>) async -> ObservedTierResources? {
        let environment = target.environment
        do {
            if executed.contains(where: \.needsFullLookAfter) {
                let tiers = [environment: Self.plannedTier(target.desired, now: pass.clock())]
                var observation = try await observer.observe([environment], tiers: tiers)
                // The first describe after a restore can still say `creating` when the restore's
                // own answer was lost (moto reports it once, then `available`): one more look.
                if executed.contains(where: \.isRestore), observation.resources[environment]?.databases.contains(where: { $0.status == "creating" }) == true {
                    observation = try await observer.observe([environment], tiers: tiers)
                }
                if let problem = observation.problems[environment] {
                    execution.problems.append(ObservationProblem(source: .tierResources, environment: environment, message: "\(problem); no tier changes"))
                    return nil
                }
                return observation.resources[environment] ?? ObservedTierResources(environment: environment)
            }
            var world = projected
            for index in world.services.indices {
                guard let counts = scaled[world.services[index].resource.name] else { continue }
                world.services[index].desiredCount = counts.desired
                world.services[index].runningCount = counts.running
                world.services[index].pendingCount = counts.pending
            }
            let moved = executed.filter(\.movesADatabase).map(\.resource)
            let statuses = try await observer.statuses(of: moved)
            for index in world.databases.indices {
                if let status = statuses[world.databases[index].resource.name] { world.databases[index].status = status }
            }
            return world
        } catch {
            execution.problems.append(ObservationProblem(source: .tierResources, environment: environment,
                                                         message: "could not read tier resources from AWS: \(error); no tier changes"))
            return nil
        }
    }

    /// The tier a plan will converge to: a protected environment's teardown is stopped instead.
    static func plannedTier(_ desired: DesiredState, now: Date) -> Tier {
        desired.tier == .tornDown && !ProtectedTeardownGuard.allowsTeardown(desired, now: now) ? .stopped : desired.tier
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

extension TierAction {
    /// Starts or stops a database: AWS takes minutes, and the next phase may wait on it.
    var movesADatabase: Bool {
        switch self {
        case .startDatabase, .stopDatabase: true
        default: false
        }
    }

    var isRestore: Bool {
        if case .restoreDatabase = self { return true }
        return false
    }

    /// Creates or removes a database or snapshot: what follows is read in full, not guessed.
    var needsFullLookAfter: Bool {
        switch self {
        case .snapshotDatabase, .deleteDatabase, .restoreDatabase, .createClusterMember, .markSnapshotRestored: true
        default: false
        }
    }
}
