import Foundation
import Logging
import StewardAWS
import StewardCore

/// Bastion leases: observe every environment's bastion-looking instances (from the pass's one
/// DescribeInstances) → plan each lease (`BastionPlanner`, which fails closed on unreadable
/// desired state) → terminate, retag, launch. Holds no state between passes: the lease and
/// AWS tags are all it needs. Runs after the tiers: a lease needs its environment running.
public struct BastionStage: ReconcileStage {
    public var ec2: EC2Client
    public var executor: BastionExecutor
    public var planner: BastionPlanner
    public var configuration: StewardConfiguration

    public init(ec2: EC2Client, configuration: StewardConfiguration, logger: Logger = Logger(label: "steward.bastions")) {
        self.ec2 = ec2
        executor = BastionExecutor(ec2: ec2, logger: logger)
        planner = BastionPlanner(ownerID: configuration.ownerID, environmentTagKey: configuration.tiers.environmentTag,
                                 prices: configuration.tiers.prices)
        self.configuration = configuration
    }

    public func observe(_ pass: ReconcilePass) async -> StageObservation<BastionObservation> {
        do {
            let observation = BastionObservation(instances: try await pass.reads.instances.value(), environmentTagKey: configuration.tiers.environmentTag)
            return .observed(observation, problems: observation.problems)
        } catch {
            return .failed(ObservationProblem(source: .bastions, message: "could not read bastion instances from AWS: \(error); no bastion changes"))
        }
    }

    public func plan(_ pass: ReconcilePass, observation: BastionObservation) -> StagePlan<BastionObservation, BastionPlan> {
        var stage = StagePlan<BastionObservation, BastionPlan>(observation: observation)
        for target in pass.targets {
            let plan = planner.plan(
                desired: target.desired, observed: observation.instances[target.environment] ?? [],
                launchTemplate: configuration.bastionLaunchTemplate(for: target.environment), failedRead: target.isUnreadable, now: pass.startedAt
            )
            stage.plans.append(plan)
            stage.held += plan.heldResults
            stage.refusals += plan.refusals
        }
        stage.orphans = observation.instances.filter { pass.isOrphan($0.key) }.sorted { $0.key < $1.key }.flatMap { environment, instances in
            instances.filter { $0.isOwned(by: configuration.ownerID) && $0.state.isLive }.map { instance in
                let cost = instance.state.isUp ? DriftCost.instance(instance.instanceType, prices: configuration.tiers.prices) : nil
                return DriftItem(kind: .orphanedResource, severity: instance.state.isUp ? .high : .medium, environment: environment,
                                 resource: .bastion(instanceID: instance.instanceID),
                                 message: "is a \(instance.state.rawValue) Steward bastion of environment \(environment), which desired state no longer has; "
                                     + "left as it is — restore \(environment)'s desired state so its lease ends it, or terminate it by hand"
                                     + (cost.map { "; \($0.phrase)" } ?? ""),
                                 cost: cost)
            }
        }
        return stage
    }

    public func execute(_ plan: StagePlan<BastionObservation, BastionPlan>, pass: ReconcilePass) async -> StageExecution<BastionPlan> {
        var execution = StageExecution<BastionPlan>()
        for environmentPlan in plan.plans {
            if environmentPlan.needsRecheck { execution.waiting.insert(environmentPlan.environment) }
            guard environmentPlan.hasChanges else { continue }
            let done = await executor.execute(environmentPlan)
            execution.results += done.results
            if !done.waits.isEmpty { execution.waiting.insert(environmentPlan.environment) }
        }
        return execution
    }

    /// Plans leases outside a reconcile pass (one DescribeInstances for all of them), in
    /// environment order; `failed` marks the last good read of desired state that can't be read now.
    public func plan(_ wanted: [(EnvironmentName, DesiredState, failed: Bool)], now: Date) async throws -> [BastionPlan] {
        let observation = BastionObservation(instances: try await readInstances(wanted.map(\.0)), environmentTagKey: configuration.tiers.environmentTag)
        return wanted.sorted { $0.0 < $1.0 }.map { environment, desired, failed in
            planner.plan(desired: desired, observed: observation.instances[environment] ?? [],
                         launchTemplate: configuration.bastionLaunchTemplate(for: environment), failedRead: failed, now: now)
        }
    }

    /// Executes one plan exactly as shown (what `steward apply` confirmed), without planning again.
    public func execute(_ plan: BastionPlan) async -> BastionExecution {
        guard plan.hasChanges else { return BastionExecution() }
        return await executor.execute(plan)
    }

    /// `bastion status E`: the environment's bastion-looking instances, Steward's first, each
    /// in launch order. `lease` (the desired one) fills in an expiry the instance's tag lacks.
    public func status(environment: EnvironmentName, lease: BastionLease? = nil) async throws -> [BastionStatus] {
        let observation = BastionObservation(instances: try await readInstances([environment]), environmentTagKey: configuration.tiers.environmentTag)
        let ownerID = configuration.ownerID
        let found = (observation.instances[environment] ?? []).sorted(by: BastionPlanner.launchOrder)
        let ordered = found.filter { $0.isOwned(by: ownerID) } + found.filter { !$0.isOwned(by: ownerID) }
        return ordered.map { BastionStatus($0, environment: environment, ownerID: ownerID, lease: lease) }
    }

    private func readInstances(_ environments: [EnvironmentName]) async throws -> [EC2Instance] {
        try await InstanceRead.instances(ec2: ec2, environmentTag: configuration.tiers.environmentTag, environments: environments, role: StewardTag.bastionRole)
    }
}
