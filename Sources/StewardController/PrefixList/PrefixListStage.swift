import Foundation
import Logging
import StewardAWS
import StewardCore

/// The whitelist in prefix-list mode: one managed list per environment and address family,
/// referenced by one rule per group and port. Observe the groups and the environment's owned
/// lists → plan (`PrefixListPlanner`) → guards (`PrefixListPlan.guards`) → lists, then rules.
/// The rules planner never sees these environments: it would revoke the reference rules.
public struct PrefixListStage: ReconcileStage {
    public var observer: PrefixListObserver
    public var executor: PrefixListExecutor
    public var configuration: StewardConfiguration

    public init(ec2: EC2Client, configuration: StewardConfiguration, logger: Logger = Logger(label: "steward.prefix-lists")) {
        observer = PrefixListObserver(ec2: ec2, ownerID: configuration.ownerID)
        executor = PrefixListExecutor(ec2: ec2, ownerID: configuration.ownerID, logger: logger)
        self.configuration = configuration
    }

    func environments(_ pass: ReconcilePass) -> [ReconcileTarget] {
        pass.targets.filter { configuration.whitelistSettings(for: $0.environment).mode == .prefixList }
    }

    public func observe(_ pass: ReconcilePass) async -> StageObservation<PrefixListObservation> {
        let targets = environments(pass)
        guard !targets.isEmpty else { return .observed(PrefixListObservation(groups: WhitelistObservation())) }
        let groups: WhitelistObservation
        do {
            groups = try await pass.reads.securityGroups.value()
        } catch {
            return .failed(ObservationProblem(source: .securityGroups, message: "could not read security groups from AWS: \(error)"))
        }
        var observation = PrefixListObservation(groups: groups)
        var problems: [ObservationProblem] = []
        let observer = self.observer
        await withTaskGroup(of: (EnvironmentName, Result<[ObservedPrefixList], any Error>).self) { group in
            for target in targets {
                group.addTask {
                    do { return (target.environment, .success(try await observer.observe(environment: target.environment))) } catch {
                        return (target.environment, .failure(error))
                    }
                }
            }
            for await (environment, result) in group {
                switch result {
                case .success(let lists): observation.lists[environment] = lists
                case .failure(let error):
                    problems.append(ObservationProblem(source: .prefixLists, environment: environment,
                                                       message: "could not read its prefix lists from AWS: \(error); nothing changed"))
                }
            }
        }
        return .observed(observation, problems: problems.sorted())
    }

    public func plan(_ pass: ReconcilePass, observation: PrefixListObservation) -> StagePlan<PrefixListObservation, PrefixListPlan> {
        var stage = StagePlan<PrefixListObservation, PrefixListPlan>(observation: observation)
        let ownerID = configuration.ownerID
        for target in environments(pass) {
            // Lists that could not be read plan nothing (the problem says so).
            guard let lists = observation.lists[target.environment] else { continue }
            let groups = observation.groups.groups[target.environment] ?? []
            let settings = configuration.whitelistSettings(for: target.environment)
            var plan = PrefixListPlanner.plan(
                desired: target.desired, observedLists: lists, groups: groups, policy: configuration.policy, ownerID: ownerID,
                now: pass.startedAt, ruleQuota: settings.ruleQuota
            )
            let owned = PrefixListPlan.ownedCount(observedLists: lists, groups: groups, ownerID: ownerID, environment: target.environment)
            let verdict = PrefixListPlan.guards(
                failedRead: target.isUnreadable, upsertOnly: settings.upsertOnly, revokeBudget: settings.revokeBudget,
                force: pass.options.force, ownedCount: owned
            ).apply(to: &plan)
            stage.refusals += plan.refusals
            stage.append(plan, guarded: verdict)
        }
        return stage
    }

    public func execute(_ plan: StagePlan<PrefixListObservation, PrefixListPlan>, pass: ReconcilePass) async -> StageExecution<PrefixListPlan> {
        var execution = StageExecution<PrefixListPlan>()
        for environmentPlan in plan.plans where environmentPlan.hasChanges {
            execution.results += await executor.execute(environmentPlan)
        }
        return execution
    }
}
